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
    }

    /// Publication date (or file name) of every sheet added, in order.
    public private(set) var sheetDates: [String] = []
    public private(set) var lifetimes: [String: Lifetime] = [:]
    /// Row id on the latest sheet → agreement id.
    private var current: [String: String] = [:]
    /// Any row id ever seen → the agreement it last belonged to.
    private var everByID: [String: String] = [:]
    /// `state|agency key` → agency id.
    private var agencyByKey: [String: String] = [:]

    public init() {}

    /// Adds the next sheet; returns the agreement id of each of its rows, in row order.
    /// `diff` is the diff from the previous sheet added (nil for the first).
    @discardableResult
    public mutating func add(_ sheet: IdentifiedSheet, matched: [MatchedAgreement], diff: SheetDiff?) -> [String] {
        let index = sheetDates.count
        sheetDates.append(sheet.sheet.published?.description ?? sheet.sheet.fileName)
        var paired: [String: SheetDiff.Entry] = [:]
        for e in diff?.entries ?? [] where e.oldID != nil { paired[e.id] = e }
        var next: [String: String] = [:]
        let live = Set(current.values)
        var used: Set<String> = []
        var out: [String] = []
        for (row, m) in zip(sheet.rows, matched) {
            let agencyKey = "\(row.identity.state)|\(row.identity.agency)"
            var lineage: String?
            var switchedFrom: String?
            if let l = current[row.id] {
                lineage = l
            } else if let e = paired[row.id], let old = e.oldID, let l = current[old] {
                if e.kind == .switched { switchedFrom = l } else { lineage = l }
            } else if let l = everByID[row.id], !live.contains(l), !used.contains(l) {
                lineage = l
            }
            let id: String
            if let l = lineage, var life = lifetimes[l] {
                id = l
                if let previous = life.sheets.last, previous + 1 < index { life.gaps += sheetDates[(previous + 1)..<index] }
                if let s = life.last.agreement.signed, let t = m.agreement.signed, t > s { life.renewed = true }
                if !life.names.contains(m.agreement.agencyName) { life.names.append(m.agreement.agencyName) }
                life.sheets.append(index)
                life.last = m
                life.lastID = row.id
                lifetimes[l] = life
                agencyByKey[agencyKey] = agencyByKey[agencyKey] ?? life.agencyID
            } else {
                id = lifetimes[row.id] == nil ? row.id : "\(row.id)@\(sheetDates[index])"
                let agency = switchedFrom.flatMap { lifetimes[$0]?.agencyID } ?? agencyByKey[agencyKey] ?? agencyKey
                agencyByKey[agencyKey] = agencyByKey[agencyKey] ?? agency
                lifetimes[id] = Lifetime(agreementID: id, agencyID: agency, sheets: [index], names: [m.agreement.agencyName],
                                         switchedFrom: switchedFrom, firstSigned: m.agreement.signed, last: m, lastID: row.id)
                if let from = switchedFrom { lifetimes[from]?.switchedTo = id }
            }
            next[row.id] = id
            used.insert(id)
            everByID[row.id] = id
            out.append(id)
        }
        current = next
        return out
    }

    public func status(_ life: Lifetime) -> Status {
        guard life.sheets.last == sheetDates.count - 1 else { return .ended }
        return life.renewed ? .renewed : .active
    }

    public func firstSeen(_ life: Lifetime) -> String { life.sheets.first.map { sheetDates[$0] } ?? "" }
    public func lastSeen(_ life: Lifetime) -> String { life.sheets.last.map { sheetDates[$0] } ?? "" }

    /// Every lifetime, by agreement id.
    public var sorted: [Lifetime] { lifetimes.values.sorted { $0.agreementID < $1.agreementID } }
}
