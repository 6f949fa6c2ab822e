import Foundation
import Geo287Core

/// Reads a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF, optional UTF-8 BOM)
/// into a `RawTable` whose cells are all text. Row numbers are the 1-based lines records start on.
///
/// Limits (an ICE sheet is about 2,000 rows of a dozen columns, under 1 MB): 16 MiB, 100,000
/// records, 256 fields per record, 64 KiB per field, 2,000,000 cells; past any of them the
/// error names the limit, and nothing larger is held in memory.
enum CSVTable {
    static let sizeLimit = 16 << 20
    static let limits = DelimitedText.Limits(records: 100_000, fieldsPerRecord: 256, fieldBytes: 64 << 10)
    static let cellLimit = 2_000_000

    static func read(path: String) throws -> RawTable {
        var bytes = try InputFile.read(path, limit: sizeLimit, what: "an ICE sheet (CSV)")
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw DataError(path, "CSV is not UTF-8 text")
        }
        return try parse(bytes, path: path)
    }

    /// Records through the one CSV reader (`DelimitedText`), cells kept as written (no
    /// trimming); empty lines are skipped; a row's number is the line it starts on.
    static func parse(_ bytes: [UInt8], path: String) throws -> RawTable {
        let records = try DelimitedText.records(bytes: bytes, path: path, decoding: .utf8WithLatin1Fallback, trim: false, limits: limits)
        let cells = records.reduce(0) { $0 + $1.fields.count }
        if cells > cellLimit { throw DataError(path, "\(cells) cells, over the \(cellLimit)-cell limit for an ICE sheet") }
        let rows = records.map { line, fields in
            RawRow(number: line, cells: RawCells(fields.enumerated().map {
                ($0.offset, RawCell(value: .text($0.element), link: nil))
            }))
        }
        return RawTable(rows: rows, warnings: [])
    }
}
