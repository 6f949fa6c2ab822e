import Geo287Data

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
    }

    static let required: [Column] = [.state, .agency, .model]
    private static let aliases: [String: Column] = ["AGENCY": .agency]

    let headerRow: Int
    private(set) var index: [Column: Int] = [:]
    private(set) var warnings: [SheetWarning] = []

    subscript(_ column: Column) -> Int? { index[column] }

    /// Finds the header in `rows` (the first row with any content) and maps its columns.
    init(rows: [RawRow], path: String) throws {
        guard let header = rows.first(where: { !$0.isEmpty }) else {
            throw DataError(path, "sheet is empty (no header row)")
        }
        headerRow = header.number
        var seen: [String] = []
        for (column, cell) in header.cells.sorted(by: { $0.key < $1.key }) {
            guard case .text(let raw)? = cell.value else { continue }
            let name = Text.collapse(raw).uppercased()
            if name.isEmpty { continue }
            seen.append(name)
            guard let key = Column(rawValue: name) ?? Self.aliases[name] else { continue }
            if index[key] == nil {
                index[key] = column
            } else {
                warnings.append(SheetWarning(
                    row: header.number, column: name,
                    message: "header repeats \(name) in column \(CellRef.name(column: column)); using the first"))
            }
        }
        let missing = Self.required.filter { index[$0] == nil }.map(\.rawValue)
        if !missing.isEmpty {
            let found = seen.isEmpty ? "none" : seen.map { "'\($0)'" }.joined(separator: ", ")
            throw DataError(
                path, "not an ICE 287(g) sheet: header row \(header.number) lacks \(missing.joined(separator: ", ")) (found \(found))")
        }
    }
}
