import Geo287Core
/// Parses a worksheet part: `<sheetData>` rows and cells, then `<hyperlinks>` joined with the
/// worksheet's relationships. Hidden rows are read like any other; empty rows are kept here
/// (the agreement builder skips them).
///
/// Limits (checked as the part is read, before anything grows past them): row numbers and
/// columns within Excel's grid (`CellRef`), at most `rowLimit` rows and `cellLimit` cells.
enum WorksheetParser {
    /// ICE's sheets have about 2,000 rows; a hundred thousand leaves room and bounds memory.
    static let rowLimit = 100_000
    static let cellLimit = 2_000_000

    static func parse(
        _ bytes: [UInt8], path: String, part: String, strings: [String], links: Relationships
    ) throws -> RawTable {
        try bytes.withUnsafeBufferPointer { b in
            var reader = XMLReader(b, path: path, part: part)
            return try parse(&reader, bytes, strings: strings, links: links)
        }
    }

    private static func parse(
        _ reader: inout XMLReader, _ bytes: [UInt8], strings: [String], links: Relationships
    ) throws -> RawTable {
        var rows: [RawRow] = []
        var warnings: [SheetWarning] = []
        var cell = CellState()
        var rowNumber = 0
        var cells = RawCells()
        var inRow = false
        var nextColumn = 0
        var hyperlinks: [(ref: String, id: String)] = []
        var cellCount = 0

        while let token = try reader.next() {
            switch token {
            case .start(let tag):
                switch Element(reader.localName(tag.name)) {
                case .c:
                    cell = CellState()
                    let (ref, type) = cellAttributes(tag, reader)
                    if let ref, let column = CellRef.column(bytes, ref) {
                        cell.column = column
                    } else {
                        cell.column = nextColumn
                    }
                    guard nextColumn < CellRef.maxColumns else {
                        throw reader.error("row \(rowNumber) has a cell past Excel's last column XFD (\(CellRef.maxColumns) columns)")
                    }
                    nextColumn = (cell.column ?? nextColumn) + 1
                    if let type { cell.type = CellType(UnsafeBufferPointer(rebasing: reader.bytes[type])) }
                    if tag.selfClosing { cell.column = nil }
                case .row:
                    rowNumber = try Self.rowNumber(reader.attributeRange("r", of: tag), previous: rowNumber, reader: reader)
                    guard rows.count < rowLimit else {
                        throw reader.error("more than \(rowLimit) rows (the limit for an ICE sheet)")
                    }
                    cells = RawCells()
                    nextColumn = 0
                    inRow = !tag.selfClosing
                case .v:
                    if cell.column != nil, let text = reader.textContent(of: tag) {
                        // `<v>` text `</v>` in one step: the value as the text and end tokens set it.
                        if !text.isEmpty { cell.value = cell.value.isEmpty ? text : cell.value.lowerBound..<text.upperBound }
                        cell.inValue = false
                    } else {
                        cell.inValue = cell.column != nil && !tag.selfClosing
                    }
                case .t:
                    cell.collecting = cell.column != nil && !tag.selfClosing
                case .rPh:
                    cell.phonetic = !tag.selfClosing
                case .hyperlink:
                    if let ref = try reader.attribute("ref", of: tag), let id = try reader.attribute("id", of: tag) {
                        hyperlinks.append((ref, id))
                    }
                case .other:
                    break
                }
            case .text(let range):
                if cell.inValue {
                    cell.value = cell.value.isEmpty ? range : cell.value.lowerBound..<range.upperBound
                } else if cell.collecting, !cell.phonetic {
                    cell.text += try reader.text(range)
                }
            case .cdata(let range):
                if cell.collecting, !cell.phonetic { cell.text += String(decoding: bytes[range], as: UTF8.self) }
            case .end(let name):
                switch Element(reader.localName(name)) {
                case .v:
                    cell.inValue = false
                case .t:
                    cell.collecting = false
                case .rPh:
                    cell.phonetic = false
                case .c:
                    if let column = cell.column {
                        cellCount += 1
                        guard cellCount <= cellLimit else {
                            throw reader.error("more than \(cellLimit) cells (the limit for an ICE sheet)")
                        }
                        let value = try cell.value(strings: strings, reader: reader, bytes: bytes, row: rowNumber)
                        cells[column] = RawCell(value: value, link: nil)
                    }
                    cell = CellState()
                case .row:
                    if inRow { rows.append(RawRow(number: rowNumber, cells: cells)) }
                    inRow = false
                case .hyperlink, .other:
                    break
                }
            }
        }
        attach(hyperlinks, links: links, to: &rows, warnings: &warnings)
        return RawTable(rows: rows, warnings: warnings)
    }

    /// The elements the parser acts on, by local name (prefix ignored).
    private enum Element {
        case c, v, t, row, rPh, hyperlink, other

        init(_ local: UnsafeBufferPointer<UInt8>) {
            switch local.count {
            case 1:
                switch local[0] {
                case UInt8(ascii: "c"): self = .c
                case UInt8(ascii: "v"): self = .v
                case UInt8(ascii: "t"): self = .t
                default: self = .other
                }
            case 3 where XMLReader.equal(local, "row"): self = .row
            case 3 where XMLReader.equal(local, "rPh"): self = .rPh
            case 9 where XMLReader.equal(local, "hyperlink"): self = .hyperlink
            default: self = .other
            }
        }
    }

    /// The first `r` and `t` attributes of a `<c>`, in one walk.
    private static func cellAttributes(_ tag: XMLTag, _ reader: XMLReader) -> (ref: Range<Int>?, type: Range<Int>?) {
        var ref: Range<Int>?, type: Range<Int>?
        reader.forEachAttribute(of: tag) { name, value in
            let local = reader.localName(name)
            if local.count == 1 {
                if local[0] == UInt8(ascii: "r") { if ref == nil { ref = value } }
                else if local[0] == UInt8(ascii: "t") { if type == nil { type = value } }
            }
            return ref == nil || type == nil
        }
        return (ref, type)
    }

    /// The row number of a `<row r="...">` attribute's raw bytes: plain digits are read in place,
    /// anything else is decoded and checked as text (`rowNumber(decoded:...)`).
    static func rowNumber(_ range: Range<Int>?, previous: Int, reader: XMLReader) throws -> Int {
        if let range, (1...7).contains(range.count), range.lowerBound >= 0, range.upperBound <= reader.bytes.count,
           reader.bytes[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            let r = reader.bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) }
            if r >= 1, r <= CellRef.maxRows { return r }
        }
        return try rowNumber(decoded: try range.map { try reader.text($0) }, previous: previous, error: reader.error)
    }

    static func rowNumber(_ range: Range<Int>?, previous: Int, scanner: XMLScanner) throws -> Int {
        try scanner.withReader { try rowNumber(range, previous: previous, reader: $0) }
    }

    /// A `<row r="...">` number, or the row after `previous` when there is none; within
    /// Excel's 1,048,576 rows, else an error naming the value.
    static func rowNumber(decoded attribute: String?, previous: Int, error: (String) -> DataError) throws -> Int {
        guard let attribute else {
            guard previous < CellRef.maxRows else {
                throw error("an unnumbered row follows row \(previous), past Excel's last row \(CellRef.maxRows)")
            }
            return previous + 1
        }
        guard attribute.utf8.count <= 7, let r = Int(attribute), r >= 1, r <= CellRef.maxRows else {
            throw error("row number '\(attribute.prefix(40))' is not a row of a worksheet (1 to \(CellRef.maxRows))")
        }
        return r
    }

    private static func attach(
        _ hyperlinks: [(ref: String, id: String)], links: Relationships,
        to rows: inout [RawRow], warnings: inout [SheetWarning]
    ) {
        var index: [Int: Int] = [:]
        for (i, row) in rows.enumerated() { index[row.number] = i }
        // Range hyperlinks (`A1:C9`) are honoured up to a total number of cells, so a hostile
        // sheet cannot make this loop run for long.
        var rangeBudget = 100_000
        for link in hyperlinks {
            guard let rel = links[link.id] else {
                warnings.append(SheetWarning(row: nil, column: nil, message: "hyperlink at \(link.ref) names a missing relationship \(link.id)"))
                continue
            }
            let (first, last) = rangeEnds(link.ref)
            guard let first, let firstRow = first.row else { continue }
            let lastRow = last.row ?? firstRow
            guard lastRow >= firstRow, last.column >= first.column else { continue }
            let cellCount = (lastRow - firstRow + 1) * (last.column - first.column + 1)
            if cellCount > 1 {
                guard cellCount <= rangeBudget else {
                    warnings.append(SheetWarning(row: firstRow, column: nil, message: "hyperlink range \(link.ref) is too large; ignored"))
                    continue
                }
                rangeBudget -= cellCount
            }
            for r in firstRow...lastRow {
                guard let i = index[r] else { continue }
                for c in first.column...last.column {
                    rows[i].cells[c, default: RawCell(value: nil, link: nil)].link = rel.target
                }
            }
        }
    }
}

extension WorksheetParser {
    /// The two ends of a hyperlink `ref` (`B7`, `A1:C9`): the first and second of its
    /// `:`-separated parts that are cell references (empty parts skipped); the second is the
    /// first when there is no other.
    static func rangeEnds(_ ref: String) -> (first: (column: Int, row: Int?)?, last: (column: Int, row: Int?)) {
        var first: (column: Int, row: Int?)?, second: (column: Int, row: Int?)?
        var rest = Substring(ref)
        while second == nil, !rest.isEmpty {
            let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")) ?? rest.endIndex
            if colon > rest.startIndex, let end = CellRef.parse(rest[rest.startIndex..<colon]) {
                if first == nil { first = end } else { second = end }
            }
            rest = colon == rest.endIndex ? "" : rest[rest.index(after: colon)...]
        }
        guard let first else { return (nil, (0, nil)) }
        return (first, second ?? first)
    }
}

/// The cell being read.
private struct CellState {
    var column: Int?
    var type = CellType.number
    /// Bytes of `<v>` (raw, entity references still encoded).
    var value: Range<Int> = 0..<0
    var inValue = false
    /// Text of `<is><t>` runs, decoded.
    var text = ""
    var collecting = false
    var phonetic = false

    func value(strings: [String], reader: XMLReader, bytes: [UInt8], row: Int) throws -> CellValue? {
        switch type {
        case .shared:
            guard !value.isEmpty else { return nil }
            guard let i = CellRef.integer(bytes, value), i < strings.count else {
                throw reader.error("cell in row \(row) refers to a shared string that does not exist (\(strings.count) strings)")
            }
            return .text(strings[i])
        case .inline:
            return .text(XMLText.unescapeOOXML(text))
        case .formulaString:
            return .text(XMLText.unescapeOOXML(try reader.text(value)))
        case .error:
            return .error(Text.trim(try reader.text(value)))
        case .bool:
            return .bool(Text.trim(try reader.text(value)) == "1")
        case .date:
            return .text(Text.trim(try reader.text(value)))
        case .number:
            let trimmed = Text.trim(try reader.text(value))
            return trimmed.isEmpty ? nil : .number(trimmed)
        }
    }
}

/// The `t` attribute of `<c>`, from its raw bytes.
private enum CellType {
    case shared, inline, formulaString, error, bool, date, number

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch bytes.count {
        case 1:
            switch bytes[0] {
            case UInt8(ascii: "s"): self = .shared
            case UInt8(ascii: "e"): self = .error
            case UInt8(ascii: "b"): self = .bool
            case UInt8(ascii: "d"): self = .date
            default: self = .number
            }
        case 3 where XMLReader.equal(bytes, "str"): self = .formulaString
        case 9 where XMLReader.equal(bytes, "inlineStr"): self = .inline
        default: self = .number
        }
    }
}
