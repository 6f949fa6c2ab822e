/// One cell value as stored in the sheet, before any interpretation.
enum CellValue: Equatable {
    case text(String)
    /// A number, kept as the literal text of `<v>` (parsed where a column needs it).
    case number(String)
    /// An Excel error value such as `#N/A`.
    case error(String)
    case bool(Bool)

    /// Visible content: text trimmed of whitespace; numbers and errors as written.
    var isBlank: Bool {
        if case .text(let s) = self { return Text.trim(s).isEmpty }
        return false
    }
}

struct RawCell {
    var value: CellValue?
    /// The target of a cell hyperlink (from the worksheet relationships), if any.
    var link: String?
}

/// One sheet row: its 1-based row number and its cells by 0-based column index.
struct RawRow {
    let number: Int
    var cells: RawCells

    var isEmpty: Bool {
        cells.allSatisfy { $0.value.value?.isBlank ?? true }
    }
}

/// A sheet read into rows, in sheet order, with structural warnings.
struct RawTable {
    var rows: [RawRow]
    var warnings: [SheetWarning]
}

/// A1-style cell references, within Excel's grid: columns A to XFD (16,384), rows 1 to
/// 1,048,576. Every bound is checked before the next digit or letter is taken, so no reference
/// can overflow.
enum CellRef {
    static let maxColumns = 16_384
    static let maxRows = 1_048_576

    /// Parses `G17` into (column index 6, row 17). Row is nil for a bare column (`G`).
    /// Nil for anything outside Excel's grid.
    static func parse(_ ref: Substring) -> (column: Int, row: Int?)? {
        var column = 0
        var letters = 0
        var row = 0
        var digits = 0
        for u in ref.utf8 {
            if digits == 0, u >= 65, u <= 90 {
                letters += 1
                guard letters <= 3 else { return nil }
                column = column * 26 + Int(u - 64)
            } else if u >= 48, u <= 57, letters > 0 {
                digits += 1
                guard digits <= 7 else { return nil }
                row = row * 10 + Int(u - 48)
            } else {
                return nil
            }
        }
        guard letters > 0, column <= maxColumns, row <= maxRows else { return nil }
        return (column - 1, digits > 0 ? row : nil)
    }

    /// The 0-based column of a reference such as `G17`, read from raw bytes.
    static func column(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var column = 0
        var letters = 0
        for i in range {
            let u = bytes[i]
            guard u >= 65, u <= 90 else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            column = column * 26 + Int(u - 64)
        }
        return letters > 0 && column <= maxColumns ? column - 1 : nil
    }

    /// A non-negative decimal integer (surrounding spaces allowed), read from raw bytes.
    static func integer(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        var digits = 0
        for i in range {
            let u = bytes[i]
            if u == 0x20 || u == 0x0A || u == 0x0D || u == 0x09 { continue }
            guard u >= 48, u <= 57, digits < 12 else { return nil }
            value = value * 10 + Int(u - 48)
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    static func name(column: Int) -> String {
        var n = column + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }
}
