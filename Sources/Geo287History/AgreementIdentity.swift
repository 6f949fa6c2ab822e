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
///
/// Each row refers to the `AgreementFacts` of its content in an `AgreementFactTable` (shared by
/// the sheets of a history), so an id is the table's key number and the occurrence, and rows are
/// kept sorted by those numbers for `SheetDiff` to walk two sheets side by side.
public struct IdentifiedSheet: Sendable {
    public struct Row: Sendable {
        let facts: AgreementFacts
        /// 1 for the first row of its id in the sheet, 2 for the second...
        let occurrence: Int
        private let agreements: [Agreement]
        private let position: Int

        init(facts: AgreementFacts, occurrence: Int, agreements: [Agreement], position: Int) {
            self.facts = facts
            self.occurrence = occurrence
            self.agreements = agreements
            self.position = position
        }

        public var id: String { occurrence == 1 ? facts.id : "\(facts.id)#\(occurrence)" }
        public var identity: AgreementIdentity { facts.identity }
        public var agreement: Agreement { agreements[position] }
        /// What `SheetDiff` compares: equal ids and equal fingerprints mean nothing changed.
        var fingerprint: SheetDiff.Fingerprint { facts.fingerprint }
        /// Whether two rows (of sheets identified with one table) have the same id.
        func sameID(_ other: Row) -> Bool { facts.key == other.facts.key && occurrence == other.occurrence }
    }

    public let sheet: Sheet
    /// In sheet order.
    public let rows: [Row]
    /// Each row's id as numbers (the table's key number, the occurrence) and its index in
    /// `rows`, sorted.
    let order: [(key: Int, occurrence: Int, row: Int)]
    let table: AgreementFactTable

    /// With a table of its own (`SheetDiff` identifies the other sheet with it).
    public init(_ sheet: Sheet) { self.init(sheet, table: AgreementFactTable()) }

    public init(_ sheet: Sheet, table: AgreementFactTable) {
        self.sheet = sheet
        self.table = table
        let agreements = sheet.agreements
        let facts = table.facts(agreements)
        // Rows by key number, then row order: the occurrence of a row is its rank among its key's rows.
        let keys = facts.map(\.key)
        let byKey = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        var occurrence = Array(repeating: 1, count: keys.count)
        for (k, i) in byKey.enumerated() where k > 0 && keys[byKey[k - 1]] == keys[i] {
            occurrence[i] = occurrence[byKey[k - 1]] + 1
        }
        rows = facts.indices.map { Row(facts: facts[$0], occurrence: occurrence[$0], agreements: agreements, position: $0) }
        order = byKey.map { (keys[$0], occurrence[$0], $0) }
    }

    /// The rows by id (made on each call).
    public var byID: [String: Row] { Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }

    public var ids: Set<String> { Set(rows.map(\.id)) }

    /// The index in `other.rows` of the row with the same id as each of `rows` (nil when none);
    /// `other` must be identified with the same table.
    func partners(in other: IdentifiedSheet) -> [Int?] {
        var out = [Int?](repeating: nil, count: rows.count)
        var j = 0
        for mine in order {
            while j < other.order.count, (other.order[j].key, other.order[j].occurrence) < (mine.key, mine.occurrence) { j += 1 }
            if j < other.order.count, other.order[j].key == mine.key, other.order[j].occurrence == mine.occurrence {
                out[mine.row] = other.order[j].row
            }
        }
        return out
    }
}
