import Foundation

/// A small RFC 4180 reader for the CSV and tab-separated files geo287 reads: quoted fields
/// (with doubled quotes), CRLF or LF line ends, a UTF-8 BOM, and fields trimmed of the
/// padding some Census files carry.
public enum DelimitedText {
    /// Splits `text` into rows of fields. Empty lines are dropped.
    public static func rows(_ text: String, separator: Character = ",", trim: Bool = true) -> [[String]] {
        rows(bytes: Array(text.utf8), separator: separator.asciiValue ?? 0x2C, decoding: .utf8WithLatin1Fallback, trim: trim)
    }

    /// Splits raw bytes into rows of fields, decoding each field (UTF-8 or Latin-1).
    public static func rows(bytes: [UInt8], separator: UInt8 = 0x2C, decoding: TextDecoding, trim: Bool = true) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false, wasQuoted = false
        var i = 0
        let n = bytes.count
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        func endField() {
            var slice = field[...]
            if trim && !wasQuoted {
                while let f = slice.first, f == 0x20 || f == 0x09 { slice = slice.dropFirst() }
                while let l = slice.last, l == 0x20 || l == 0x09 { slice = slice.dropLast() }
            }
            row.append(slice.allSatisfy { $0 < 0x80 } ? String(decoding: slice, as: UTF8.self) : decoding.decode(Array(slice)))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRow() {
            endField()
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
        }
        while i < n {
            let c = bytes[i]
            i += 1
            if inQuotes {
                if c == 0x22 {
                    if i < n && bytes[i] == 0x22 { field.append(0x22); i += 1 } else { inQuotes = false }
                } else {
                    field.append(c)
                }
            } else if c == 0x22 && field.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                inQuotes = true
                wasQuoted = true
                field.removeAll(keepingCapacity: true)
            } else if c == separator {
                endField()
            } else if c == 0x0A || c == 0x0D {
                if c == 0x0D && i < n && bytes[i] == 0x0A { i += 1 }
                endRow()
            } else if wasQuoted && (c == 0x20 || c == 0x09) {
                continue   // padding after a closing quote (Geocorr lines end with a space)
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }

    /// Reads and splits a delimited file.
    public static func rows(path: String, separator: UInt8 = 0x2C, decoding: TextDecoding = .utf8WithLatin1Fallback) throws -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw DataError(path, "cannot read file") }
        return rows(bytes: [UInt8](data), separator: separator, decoding: decoding)
    }

    /// Reads a file as text in the given encoding.
    public static func read(_ path: String, decoding: TextDecoding = .utf8WithLatin1Fallback) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw DataError(path, "cannot read file") }
        return decoding.decode(data)
    }
}

/// A header-addressed table: `table[row, "COLUMN"]`.
public struct HeaderTable {
    public let path: String
    public let header: [String]
    public let rows: [[String]]
    private let index: [String: Int]

    public init(path: String, header: [String], rows: [[String]]) {
        self.path = path
        self.header = header
        self.rows = rows
        var idx: [String: Int] = [:]
        for (i, h) in header.enumerated() where idx[h] == nil { idx[h] = i }
        index = idx
    }

    /// The column index of `name`, or an error naming the file and the missing column.
    public func column(_ name: String) throws -> Int {
        guard let i = index[name] else { throw DataError(path, "missing column \(name)") }
        return i
    }

    public func value(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }
}
