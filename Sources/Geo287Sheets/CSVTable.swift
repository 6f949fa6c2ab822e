import Foundation
import Geo287Core

/// Reads a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF, optional UTF-8 BOM)
/// into a `RawTable` whose cells are all text. Row numbers are 1-based record numbers.
enum CSVTable {
    static let sizeLimit = 64 << 20

    static func read(path: String) throws -> RawTable {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > sizeLimit {
            throw DataError(path, "CSV is \(size) bytes, over the \(sizeLimit)-byte limit")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw DataError(path, "cannot read file") }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw DataError(path, "CSV is not UTF-8 text")
        }
        return try parse(bytes, path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws -> RawTable {
        var rows: [RawRow] = []
        var cells: [Int: RawCell] = [:]
        var field: [UInt8] = []
        var inQuotes = false
        var i = 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        func endField() {
            cells[cells.count] = RawCell(value: .text(String(decoding: field, as: UTF8.self)), link: nil)
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            rows.append(RawRow(number: rows.count + 1, cells: cells))
            cells = [:]
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote { field.append(quote); i += 1 } else { inQuotes = false }
                } else {
                    field.append(b)
                }
            } else if b == quote, field.isEmpty {
                inQuotes = true
            } else if b == comma {
                endField()
            } else if b == lf || b == cr {
                if b == cr, i + 1 < bytes.count, bytes[i + 1] == lf { i += 1 }
                endRecord()
            } else {
                field.append(b)
            }
            i += 1
        }
        if inQuotes { throw DataError(path, "CSV record \(rows.count + 1) has an unterminated quoted field") }
        if !field.isEmpty || !cells.isEmpty { endRecord() }
        return RawTable(rows: rows, warnings: [])
    }
}
