import Foundation
import Geo287Jurisdictions
import Geo287Sheets

/// What `IdentifiedSheet` and `SheetDiff` need of a row, worked out once per distinct row and
/// shared by every sheet that repeats it: its identity and id, and the fingerprint `SheetDiff`
/// compares, each also as a small integer (equal integers, equal values), so identifying a
/// sheet is one table lookup per row and diffing two sheets compares integers.
final class AgreementFacts: Sendable {
    let identity: AgreementIdentity
    /// `identity.id`.
    let id: String
    /// `state|agency` of the identity (`AgreementLineages` keys agencies by it).
    let agencyKey: String
    /// The same number for the same `id` in one `AgreementFactTable`.
    let key: Int
    let fingerprint: SheetDiff.Fingerprint
    /// The same number for equal fingerprints in one `AgreementFactTable`.
    let content: Int
    /// This row's number in its table (0, 1, 2... in the order the table met them).
    let serial: Int

    init(identity: AgreementIdentity, key: Int, fingerprint: SheetDiff.Fingerprint, content: Int, serial: Int) {
        self.identity = identity
        self.serial = serial
        id = identity.id
        agencyKey = "\(identity.state)|\(identity.agency)"
        self.key = key
        self.fingerprint = fingerprint
        self.content = content
    }
}

/// The `AgreementFacts` of the rows of many sheets (`history`, `batch`): two rows share facts
/// when every field the identity and the fingerprint are made of is equal. A class shared by
/// the sheets of one run, identified on several threads; its state is only touched under `lock`.
public final class AgreementFactTable: @unchecked Sendable {
    /// A row told apart by the fields `AgreementIdentity` and `SheetDiff.Fingerprint` are made of,
    /// and those the matcher reads (`AgreementKeyTable.MatchKey`: rows with the same facts get the
    /// same match): state (its FIPS code), state as printed, agency name and key, model, signed
    /// date, COUNTY, agency type, MOA URL and pending.
    private struct RowKey: Hashable {
        /// The row itself (one reference to its shared storage, not a copy of each field).
        let a: Agreement

        static func == (x: RowKey, y: RowKey) -> Bool {
            let a = x.a, b = y.a
            if a.storageIdentity == b.storageIdentity { return true }
            return a.agencyName == b.agencyName && a.model == b.model && a.signed == b.signed && a.state?.fips == b.state?.fips
                && a.stateAsPrinted == b.stateAsPrinted && a.agencyKey == b.agencyKey && a.countyAsPrinted == b.countyAsPrinted
                && a.agencyType == b.agencyType && a.moaURL == b.moaURL && a.moaPending == b.moaPending
        }

        /// Hashes the agency name, model and signed date only (equality compares every field
        /// above): rows that differ in nothing else are rare, and hashing every string of every
        /// row of every sheet was most of identifying a sheet.
        func hash(into hasher: inout Hasher) {
            hasher.combine(a.agencyName)
            hasher.combine(a.model)
            hasher.combine(a.signed)
        }

        init(_ a: Agreement) { self.a = a }
    }

    private let lock = NSLock()
    private var rows: [RowKey: AgreementFacts] = [:]
    /// The facts of each row storage met (`Agreement.storageIdentity`): a row `AgreementMemo`
    /// shared with an earlier sheet is found by one pointer, its strings neither hashed nor
    /// compared. The row is kept with its facts, so its storage (and identity) outlives the entry.
    private var byStorage: [ObjectIdentifier: (row: Agreement, facts: AgreementFacts)] = [:]
    private var keys: [String: Int] = [:]
    private var contents: [SheetDiff.Fingerprint: Int] = [:]

    public init() {}

    /// The number of distinct rows seen.
    public var count: Int { lock.withLock { rows.count } }

    /// The facts of each agreement, in order.
    func facts(_ agreements: [Agreement]) -> [AgreementFacts] {
        lock.withLock {
            agreements.map { a in
                let storage = a.storageIdentity
                if let known = byStorage[storage] { return known.facts }
                let f = facts(RowKey(a))
                byStorage[storage] = (a, f)
                return f
            }
        }
    }

    /// The facts of the rows equal to `k`'s, made on first sight (under `lock`).
    private func facts(_ k: RowKey) -> AgreementFacts {
        if let f = rows[k] { return f }
        let identity = AgreementIdentity(k.a), fingerprint = SheetDiff.Fingerprint(k.a)
        let key = Self.number(identity.id, in: &keys)
        let f = AgreementFacts(identity: identity, key: key, fingerprint: fingerprint,
                               content: Self.number(fingerprint, in: &contents), serial: rows.count)
        rows[k] = f
        return f
    }

    /// `k`'s number in `table`, numbered in order of first use (also `AgreementLineages`' numbers).
    static func number<K: Hashable>(_ k: K, in table: inout [K: Int]) -> Int {
        if let n = table[k] { return n }
        table[k] = table.count
        return table.count - 1
    }
}
