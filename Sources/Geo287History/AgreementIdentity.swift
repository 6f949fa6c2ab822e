import Geo287Core
import Geo287Jurisdictions
import Geo287Sheets

/// The identity of an agreement across sheets: state, agency and model. The agency is its
/// name normalized by `NameKey` (case, curly and straight apostrophes, `Sheriff's`/`Sheriffs`,
/// punctuation and spacing, `Dept`/`Department`, `St.`/`Saint`, `&`/`and`), so the spellings ICE
/// prints for one agency share one id. The id reads `FL|hillsborough county sheriffs office|task-force`.
public struct AgreementIdentity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// USPS code, or the printed state when it is not a known state.
    public let state: String
    public let agency: String
    /// `SupportModel.rawValue`, or `unknown` when SUPPORT TYPE was not recognized.
    public let model: String

    public init(_ a: Agreement) {
        state = a.stateKey
        agency = a.agencyKey
        model = a.model?.rawValue ?? "unknown"
    }

    /// From parts: `state` a USPS code (or printed state), `agencyName` as printed.
    public init(state: String, agencyName: String, model: SupportModel?) {
        self.state = state
        agency = NameKey.normalize(agencyName)
        self.model = model?.rawValue ?? "unknown"
    }

    public var id: String { "\(state)|\(agency)|\(model)" }
    public var description: String { id }

    public static func < (a: AgreementIdentity, b: AgreementIdentity) -> Bool { (a.state, a.agency, a.model) < (b.state, b.agency, b.model) }
}

/// A sheet's agreements keyed by stable id. ICE occasionally lists one agency and model twice
/// in a sheet (Volusia County Sheriff's Office, task force, 2025-08-13); the second row's id
/// gets `#2`, so every row keeps an id of its own.
public struct IdentifiedSheet: Sendable {
    public struct Row: Sendable {
        public let id: String
        public let identity: AgreementIdentity
        public let agreement: Agreement
        /// What `SheetDiff` compares, made once per row: equal ids and equal fingerprints mean
        /// nothing changed, without comparing field by field.
        let fingerprint: SheetDiff.Fingerprint

        init(id: String, identity: AgreementIdentity, agreement: Agreement) {
            self.id = id
            self.identity = identity
            self.agreement = agreement
            fingerprint = SheetDiff.Fingerprint(agreement)
        }
    }

    public let sheet: Sheet
    /// In sheet order.
    public let rows: [Row]
    /// The index in `rows` of each id.
    let index: [String: Int]

    public init(_ sheet: Sheet) {
        self.sheet = sheet
        var seen: [String: Int] = [:]
        var rows: [Row] = []
        rows.reserveCapacity(sheet.agreements.count)
        for a in sheet.agreements {
            let identity = AgreementIdentity(a)
            let n = (seen[identity.id] ?? 0) + 1
            seen[identity.id] = n
            rows.append(Row(id: n == 1 ? identity.id : "\(identity.id)#\(n)", identity: identity, agreement: a))
        }
        self.rows = rows
        var index: [String: Int] = [:]
        index.reserveCapacity(rows.count)
        for (i, r) in rows.enumerated() where index[r.id] == nil { index[r.id] = i }
        self.index = index
    }

    /// The rows by id (made on each call; `SheetDiff` reads `index`).
    public var byID: [String: Row] { index.mapValues { rows[$0] } }

    public var ids: Set<String> { Set(index.keys) }
}
