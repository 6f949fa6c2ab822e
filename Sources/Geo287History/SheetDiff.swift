import Geo287Core
import Geo287Jurisdictions
import Geo287Sheets

/// What changed between two sheets, agreement by agreement (matched by `AgreementIdentity`):
/// - added / removed: the id is in only one sheet;
/// - renewed: the signed date moved forward;
/// - switched: an agency's row of one model is gone and a row of another model of the same
///   agency (same state, equivalent name) is new: the agency switched model (Person County
///   Sheriff's Office, NC, jail enforcement → warrant service on 2026-04-13), one entry, not a
///   removal and an addition;
/// - link-filled: the only change is a document link filled in where the MOA cell read
///   `link pending` or was empty (counted apart: on most sheets these are most of the changes);
/// - changed: county, MOA link, agency type, or a signed date corrected (moved back, filled
///   in, emptied); also a name ICE corrected (`Dimmit Couny` → `Dimmit County`): a removed and an
///   added row of the same state, model and signed date whose names differ by a typo
///   (see `SheetDiffPairing`) are one agreement renamed, not a removal and an addition.
public struct SheetDiff: Sendable {
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case added, removed, renewed, switched, changed
        case linkFilled = "link-filled"
        /// The column name in CSV headers (`link_filled`).
        public var column: String { rawValue.replacingOccurrences(of: "-", with: "_") }
        public static func < (a: Kind, b: Kind) -> Bool { (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0) }
    }

    /// One field that differs: `signed`, `county`, `moa`, `type`, `agency` or `model`.
    public struct Change: Sendable, Hashable {
        public let field: String
        public let old: String?
        public let new: String?
    }

    public struct Entry: Sendable {
        public let kind: Kind
        /// The id in the new sheet (the old one for removals).
        public let id: String
        /// Set when the id changed (a corrected name, a switched model).
        public let oldID: String?
        public let state: String
        public let model: String
        public let old: Agreement?
        public let new: Agreement?
        public let changes: [Change]
        public var agency: String { new?.agencyName ?? old?.agencyName ?? "" }
    }

    public struct Counts: Sendable, Hashable {
        public var counts: [Kind: Int] = [:]
        public func count(_ k: Kind) -> Int { counts[k] ?? 0 }
        public var total: Int { counts.values.reduce(0, +) }
    }

    public let old: Sheet
    public let new: Sheet
    /// Sorted by kind, state, model, agency, id.
    public let entries: [Entry]

    /// The entries of one state only (`diff --state`); the sheets stay whole.
    public func restricted(to state: String) -> SheetDiff {
        SheetDiff(old: old, new: new, entries: entries.filter { $0.state == state })
    }

    private init(old: Sheet, new: Sheet, entries: [Entry]) {
        self.old = old
        self.new = new
        self.entries = entries
    }

    public init(old: Sheet, new: Sheet) {
        let table = AgreementFactTable()
        self.init(old: IdentifiedSheet(old, table: table), new: IdentifiedSheet(new, table: table))
    }

    /// Rows with the same id are found by walking both sheets' sorted id numbers side by side,
    /// and a row is compared field by field only when its fingerprint number differs.
    public init(old: IdentifiedSheet, new identified: IdentifiedSheet) {
        // Ids are numbered by the table: both sheets must be identified with the same one.
        let new = identified.table === old.table ? identified : IdentifiedSheet(identified.sheet, table: old.table)
        self.old = old.sheet
        self.new = new.sheet
        let columns = (old: SheetColumns(old.sheet), new: SheetColumns(new.sheet))
        var entries: [Entry] = []
        var removed: [IdentifiedSheet.Row] = []
        var added: [IdentifiedSheet.Row] = []
        let before = new.partners(in: old), after = old.partners(in: new)
        for (i, partner) in after.enumerated() where partner == nil { removed.append(old.rows[i]) }
        for (i, partner) in before.enumerated() {
            guard let p = partner else { added.append(new.rows[i]); continue }
            guard old.rows[p].facts.content != new.rows[i].facts.content else { continue }
            if let e = Self.compare(old.rows[p], new.rows[i], columns: columns) { entries.append(e) }
        }
        let pairs = SheetDiffPairing.pair(removed: removed, added: added)
        var pairedOld = Set(pairs.map(\.old.id)), pairedNew = Set(pairs.map(\.new.id))
        for (before, after) in pairs {
            if let e = Self.compare(before, after, columns: columns) { entries.append(e) }
        }
        let switches = SheetDiffPairing.pairModels(removed: removed.filter { !pairedOld.contains($0.id) },
                                                   added: added.filter { !pairedNew.contains($0.id) })
        for (before, after) in switches {
            pairedOld.insert(before.id)
            pairedNew.insert(after.id)
            if let e = Self.compare(before, after, columns: columns) { entries.append(e) }
        }
        for r in removed where !pairedOld.contains(r.id) {
            entries.append(Entry(kind: .removed, id: r.id, oldID: nil, state: r.identity.state, model: r.identity.model,
                                 old: r.agreement, new: nil, changes: []))
        }
        for r in added where !pairedNew.contains(r.id) {
            entries.append(Entry(kind: .added, id: r.id, oldID: nil, state: r.identity.state, model: r.identity.model,
                                 old: nil, new: r.agreement, changes: []))
        }
        self.entries = entries.sorted { ($0.kind, $0.state, $0.model, $0.agency, $0.id) < ($1.kind, $1.state, $1.model, $1.agency, $1.id) }
    }

    /// The entry for one agreement present in both sheets, nil when nothing that matters changed.
    static func compare(_ a: IdentifiedSheet.Row, _ b: IdentifiedSheet.Row,
                        columns: (old: SheetColumns, new: SheetColumns)) -> Entry? {
        let sameID = a.sameID(b)
        if sameID, a.fingerprint == b.fingerprint { return nil }
        let x = a.agreement, y = b.agreement
        var changes: [Change] = []
        var kind = Kind.changed
        if x.signed != y.signed {
            if let s = x.signed, let t = y.signed, t > s { kind = .renewed }
            changes.append(Change(field: "signed", old: x.signed?.description, new: y.signed?.description))
        }
        if !sameID { changes.append(Change(field: "agency", old: x.agencyName, new: y.agencyName)) }
        if columns.old.county && columns.new.county, a.fingerprint.county != b.fingerprint.county {
            changes.append(Change(field: "county", old: x.countyAsPrinted, new: y.countyAsPrinted))
        }
        if columns.old.type && columns.new.type, x.agencyType != y.agencyType {
            changes.append(Change(field: "type", old: x.typeAsPrinted, new: y.typeAsPrinted))
        }
        if a.fingerprint.moaDocument != b.fingerprint.moaDocument { changes.append(Change(field: "moa", old: moa(x), new: moa(y))) }
        if a.identity.model != b.identity.model {
            changes.insert(Change(field: "model", old: a.identity.model, new: b.identity.model), at: 0)
            kind = .switched
        } else if kind == .changed, changes.count == 1, changes[0].field == "moa", x.moaURL == nil, y.moaURL != nil {
            kind = .linkFilled
        }
        guard !changes.isEmpty else { return nil }
        return Entry(kind: kind, id: b.id, oldID: sameID ? nil : a.id, state: b.identity.state, model: b.identity.model,
                     old: x, new: y, changes: changes)
    }

    static func countyKey(_ s: String?) -> String { s.map(NameKey.normalize) ?? "" }

    /// The fields of a row that `compare` reads, normalized as it compares them.
    struct Fingerprint: Sendable, Hashable {
        let signed: SignedDate?
        let county: String
        let agencyType: AgencyType
        let moaDocument: String?

        init(_ a: Agreement) {
            signed = a.signed
            county = countyKey(a.countyAsPrinted)
            agencyType = a.agencyType
            moaDocument = SheetDiff.moaDocument(a)
        }
    }

    /// The MOA link, `link pending`, or nil.
    static func moa(_ a: Agreement) -> String? { a.moaURL ?? (a.moaPending ? "link pending" : nil) }

    /// The MOA document compared: a Wayback capture (`https://web.archive.org/web/<time>/<url>`,
    /// as in the `-from-html` sheets) is the document it captured, and `http:` is `https:`.
    static func moaDocument(_ a: Agreement) -> String? {
        guard var s = moa(a) else { return nil }
        for prefix in ["https://web.archive.org/web/", "http://web.archive.org/web/"] where s.hasPrefix(prefix) {
            let rest = s.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") { s = String(rest[rest.index(after: slash)...]) }
        }
        if s.hasPrefix("http://") { s = "https://" + s.dropFirst(7) }
        return s
    }

    // MARK: Counts

    public func counts(where include: (Entry) -> Bool = { _ in true }) -> Counts {
        var c = Counts()
        for e in entries where include(e) { c.counts[e.kind, default: 0] += 1 }
        return c
    }

    /// Per model, in `SupportModel` order (then any unrecognized model).
    public var modelCounts: [(model: String, counts: Counts)] {
        let models = SupportModel.allCases.map(\.rawValue) + Set(entries.map(\.model)).subtracting(SupportModel.allCases.map(\.rawValue)).sorted()
        return models.map { m in (m, counts { $0.model == m }) }
    }

    /// Per state with any entry, by state code.
    public var stateCounts: [(state: String, counts: Counts)] {
        Set(entries.map(\.state)).sorted().map { s in (s, counts { $0.state == s }) }
    }

    public func entries(_ kind: Kind) -> [Entry] { entries.filter { $0.kind == kind } }
}

/// Which optional columns a sheet has (a field is compared only when both sheets carry it:
/// the `-from-html` sheets have no TYPE, sheets before 2025-03-17 no COUNTY).
struct SheetColumns {
    let county: Bool
    let type: Bool
    init(_ sheet: Sheet) {
        county = sheet.agreements.contains { $0.countyAsPrinted != nil }
        type = sheet.agreements.contains { $0.typeAsPrinted != nil }
    }
}
