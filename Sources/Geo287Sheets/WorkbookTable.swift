/// The first worksheet of any xlsx workbook as rows of cell texts (numbers as written,
/// error values such as `#N/A` as written), for Census workbooks such as all-geocodes.
public enum WorkbookTable {
    /// Rows in sheet order with their 1-based numbers; columns by 0-based index ("" when empty).
    public static func rows(path: String) throws -> [(number: Int, cells: [String])] {
        let table = try XlsxReader.read(path: path).table
        return table.rows.map { row in
            let width = (row.cells.keys.max() ?? -1) + 1
            var cells = [String](repeating: "", count: width)
            for (col, cell) in row.cells {
                switch cell.value {
                case let .text(s)?, let .number(s)?, let .error(s)?: cells[col] = s
                case let .bool(b)?: cells[col] = b ? "TRUE" : "FALSE"
                case nil: break
                }
            }
            return (row.number, cells)
        }
    }
}
