import Foundation
import Geo287Core

/// Reads a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF, optional UTF-8 BOM)
/// into a `RawTable` whose cells are all text. Row numbers are the 1-based lines records start on.
enum CSVTable {
    static let sizeLimit = 64 << 20

    static func read(path: String) throws -> RawTable {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > sizeLimit {
            throw DataError(path, "CSV is \(size) bytes, over the \(sizeLimit)-byte limit")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw DataError.unreadable(path) }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw DataError(path, "CSV is not UTF-8 text")
        }
        return try parse(bytes, path: path)
    }

    /// Records through the one CSV reader (`DelimitedText`), cells kept as written (no
    /// trimming); empty lines are skipped; a row's number is the line it starts on.
    static func parse(_ bytes: [UInt8], path: String) throws -> RawTable {
        let records = try DelimitedText.records(bytes: bytes, path: path, decoding: .utf8WithLatin1Fallback, trim: false)
        let rows = records.map { line, fields in
            RawRow(number: line, cells: Dictionary(uniqueKeysWithValues: fields.enumerated().map {
                ($0.offset, RawCell(value: .text($0.element), link: nil))
            }))
        }
        return RawTable(rows: rows, warnings: [])
    }
}
