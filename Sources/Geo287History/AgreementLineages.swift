import Geo287Jurisdictions
import Geo287Sheets

/// Agreements followed across sheets in publication order: one lifetime per agreement, and one
/// agency id per agency, stable through the changes ICE makes to a row.
///
/// The rule, sheet after sheet (with the `SheetDiff` of each consecutive pair):
/// - a row whose id was on the previous sheet continues that agreement;
/// - a row the diff pairs with a row of the previous sheet under another name (a corrected
///   name, `SheetDiffPairing`) continues that agreement: `agreement_id` stays the first id;
/// - a row whose id was on an earlier sheet, but not the previous one, continues that
///   agreement, and the sheets it was absent from are recorded as a gap (not split in two);
/// - a row the diff reads as a model switch starts a new agreement (ICE signs one agreement per
///   model) of the same agency: `switched_from` names the agreement it replaced, and that one
///   gets `switched_to`;
/// - any other row starts a new agreement.
/// The agency id is the `state|agency` key of the agency's first row; a corrected name keeps it.
/// Status against the newest sheet: `ended` (absent from it), `renewed` (present, and its signed
/// date moved forward on some sheet), else `active`.
public struct AgreementLineages: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case active, renewed, ended
    }

    public struct Lifetime: Sendable {
        public let agreementID: String
        public let agencyID: String
        /// Indices of the sheets the agreement is on, ascending.
        public fileprivate(set) var sheets: [Int]
        /// Every agency name printed for it, in order of first appearance.
        public fileprivate(set) var names: [String]
        /// Publication dates of the sheets it was absent from between its first and last sheet.
        public fileprivate(set) var gaps: [String] = []
        public fileprivate(set) var renewed = false
        public fileprivate(set) var switchedFrom: String?
        public fileprivate(set) var switchedTo: String?
        public fileprivate(set) var firstSigned: SignedDate?
        /// The agreement and its jurisdiction on the last sheet it is on.
        public fileprivate(set) var last: MatchedAgreement
        public fileprivate(set) var lastID: String

        /// Continues the lifetime on sheet `index` with row `m` (id `rowID`), in place.
        fileprivate mutating func extend(_ index: Int, _ m: MatchedAgreement, rowID: String, sheetDates: [String]) {
            if let previous = sheets.last, previous + 1 < index { gaps += sheetDates[(previous + 1)..<index] }
            // The same row storage as the last sheet's (`AgreementMemo`): same name and signed date.
            if m.agreement.storageIdentity != last.agreement.storageIdentity {
                if let s = last.agreement.signed, let t = m.agreement.signed, t > s { renewed = true }
                if !names.contains(m.agreement.agencyName) { names.append(m.agreement.agencyName) }
            }
            sheets.append(index)
            last = m
            lastID = rowID
        }
    }

    /// Publication date (or file name) of every sheet added, in order.
    public private(set) var sheetDates: [String] = []
    /// Every lifetime, in order of first appearance: an agreement's number (`addNumbered`) is
    /// its index here. Updated in place, so a lifetime's lists are never copied.
    public private(set) var all: [Lifetime] = []
    /// Agreement id → number.
    private var numbers: [String: Int] = [:]
    /// Row id (as its number in `rowIDs`) on the latest sheet → agreement number.
    private var current: [Int: Int] = [:]
    /// Any row id ever seen (its number) → the agreement it last belonged to.
    private var everByID: [Int: Int] = [:]
    /// Agency key (its number in `agencyKeys`) → agency id.
    private var agencyByKey: [Int: String] = [:]
    /// Row ids and agency keys as numbers (equal strings, equal numbers), so a row is followed
    /// by integer lookups; a row's numbers are worked out once per `AgreementFacts` object
    /// (shared by the rows of every sheet with the same content), which is kept in the entry.
    private var rowIDs: [String: Int] = [:]
    private var agencyKeys: [String: Int] = [:]
    private var factNumbers: [ObjectIdentifier: (facts: AgreementFacts, id: Int, agency: Int)] = [:]
    /// Per agreement number: the last sheet a row was assigned to it (`addNumbered`'s `used`).
    private var assignedOn: [Int] = []

    public init() {}

    /// Every lifetime by agreement id (made on each call: look one up with `lifetime(_:)`).
    public var lifetimes: [String: Lifetime] { Dictionary(uniqueKeysWithValues: all.map { ($0.agreementID, $0) }) }

    public func lifetime(_ id: String) -> Lifetime? { numbers[id].map { all[$0] } }

    /// Adds the next sheet; returns the agreement id of each of its rows, in row order.
    /// `diff` is the diff from the previous sheet added (nil for the first).
    @discardableResult
    public mutating func add(_ sheet: IdentifiedSheet, matched: [MatchedAgreement], diff: SheetDiff?) -> [String] {
        addNumbered(sheet, matched: matched, diff: diff).map { all[$0].agreementID }
    }

    /// `add`, returning the agreement number (index in `all`) of each row.
    public mutating func addNumbered(_ sheet: IdentifiedSheet, matched: [MatchedAgreement], diff: SheetDiff?) -> [Int] {
        let index = sheetDates.count
        sheetDates.append(sheet.sheet.published?.description ?? sheet.sheet.fileName)
        var paired: [Int: (entry: SheetDiff.Entry, old: Int)] = [:]
        for e in diff?.entries ?? [] {
            guard let old = e.oldID else { continue }
            paired[AgreementFactTable.number(e.id, in: &rowIDs)] = (e, AgreementFactTable.number(old, in: &rowIDs))
        }
        var next: [Int: Int] = [:]
        next.reserveCapacity(sheet.rows.count)
        // The agreements of the previous sheet: only needed for a row back after a gap.
        var live: Set<Int>?
        var out: [Int] = []
        out.reserveCapacity(sheet.rows.count)
        for (r, row) in sheet.rows.enumerated() where r < matched.count {
            let m = matched[r], (idNumber, agencyNumber) = numbers(row)
            var lineage: Int?
            var switchedFrom: Int?
            // `everByID` holds every id of `current` with its number already.
            var known = false
            if let l = current[idNumber] {
                lineage = l
                known = true
            } else if let p = paired[idNumber], let l = current[p.old] {
                if p.entry.kind == .switched { switchedFrom = l } else { lineage = l }
            } else if let l = everByID[idNumber], assignedOn[l] != index {
                if live == nil { live = Set(current.values) }
                if live?.contains(l) == false { lineage = l }
            }
            let n: Int
            if let l = lineage {
                n = l
                all[l].extend(index, m, rowID: row.id, sheetDates: sheetDates)
                if agencyByKey[agencyNumber] == nil { agencyByKey[agencyNumber] = all[l].agencyID }
            } else {
                let id = row.id
                let newID = numbers[id] == nil ? id : "\(id)@\(sheetDates[index])"
                let agencyKey = row.facts.agencyKey
                let agency = switchedFrom.map { all[$0].agencyID } ?? agencyByKey[agencyNumber] ?? agencyKey
                if agencyByKey[agencyNumber] == nil { agencyByKey[agencyNumber] = agency }
                let life = Lifetime(agreementID: newID, agencyID: agency, sheets: [index], names: [m.agreement.agencyName],
                                    switchedFrom: switchedFrom.map { all[$0].agreementID }, firstSigned: m.agreement.signed,
                                    last: m, lastID: id)
                // An id made twice (two sheets of one date) replaces the first lifetime, as a table by id would.
                if let existing = numbers[newID] {
                    n = existing
                    all[n] = life
                } else {
                    n = all.count
                    numbers[newID] = n
                    all.append(life)
                    assignedOn.append(-1)
                }
                if let from = switchedFrom { all[from].switchedTo = newID }
            }
            next[idNumber] = n
            assignedOn[n] = index
            if !known { everByID[idNumber] = n }
            out.append(n)
        }
        current = next
        return out
    }

    /// `row`'s id and agency key as numbers.
    private mutating func numbers(_ row: IdentifiedSheet.Row) -> (id: Int, agency: Int) {
        let facts = ObjectIdentifier(row.facts)
        let known: (id: Int, agency: Int)
        if let n = factNumbers[facts] {
            known = (n.id, n.agency)
        } else {
            known = (AgreementFactTable.number(row.facts.id, in: &rowIDs), AgreementFactTable.number(row.facts.agencyKey, in: &agencyKeys))
            factNumbers[facts] = (row.facts, known.id, known.agency)
        }
        // A later row of the same id in the sheet (`id#2`): rare, numbered by its text.
        return row.occurrence == 1 ? known : (AgreementFactTable.number(row.id, in: &rowIDs), known.agency)
    }

    public func status(_ life: Lifetime) -> Status {
        guard life.sheets.last == sheetDates.count - 1 else { return .ended }
        return life.renewed ? .renewed : .active
    }

    public func firstSeen(_ life: Lifetime) -> String { life.sheets.first.map { sheetDates[$0] } ?? "" }
    public func lastSeen(_ life: Lifetime) -> String { life.sheets.last.map { sheetDates[$0] } ?? "" }

    /// Every lifetime, by agreement id.
    public var sorted: [Lifetime] { all.sorted { $0.agreementID < $1.agreementID } }
}
