import Geo287Core

/// The columns of an ICE sheet, found by header name in the first non-empty row.
struct HeaderMap {
    enum Column: String, CaseIterable {
        case state = "STATE"
        case agency = "LAW ENFORCEMENT AGENCY"
        case type = "TYPE"
        case county = "COUNTY"
        case model = "SUPPORT TYPE"
        case signed = "SIGNED"
        case moa = "MOA"
        case addendum = "ADDENDUM"

        var ordinal: Int {
            switch self {
            case .state: 0
            case .agency: 1
            case .type: 2
            case .county: 3
            case .model: 4
            case .signed: 5
            case .moa: 6
            case .addendum: 7
            }
        }
    }

    static let required: [HeaderMap.Column] = [.state, .agency, .model]
    private static let aliases: [String: Column] = ["AGENCY": .agency]

    let headerRow: Int
    /// Column index per `Column`, by the column's position in `Column.allCases` (an array, not a
    /// dictionary: this is looked up several times per row).
    private var slots = [Int?](repeating: nil, count: Column.allCases.count)
    private(set) var warnings: [SheetWarning] = []

    subscript(_ column: Column) -> Int? { slots[column.ordinal] }

    /// Finds the header in `rows` (the first row with any content) and maps its columns.
    init(rows: [RawRow], path: String) throws {
        guard let header = rows.first(where: { !$0.isEmpty }) else {
            throw DataError(path, "sheet is empty (no header row)")
        }
        headerRow = header.number
        var seen: [String] = []
        for (column, cell) in header.cells {
            guard case .text(let raw)? = cell.value else { continue }
            let name = Text.collapse(raw).uppercased()
            if name.isEmpty { continue }
            seen.append(name)
            guard let key = Column(rawValue: name) ?? Self.aliases[name] else { continue }
            if slots[key.ordinal] == nil {
                slots[key.ordinal] = column
            } else {
                warnings.append(SheetWarning(
                    row: header.number, column: name,
                    message: "header repeats \(name) in column \(CellRef.name(column: column)); using the first"))
            }
        }
        let missing = Self.required.filter { slots[$0.ordinal] == nil }.map(\.rawValue)
        if !missing.isEmpty {
            let found = seen.isEmpty ? "none" : seen.map { "'\($0)'" }.joined(separator: ", ")
            throw DataError(
                path, "not an ICE 287(g) sheet: header row \(header.number) lacks \(missing.joined(separator: ", ")) (found \(found))")
        }
    }
}
