import Foundation

/// A small RFC 4180 reader for the CSV and tab-separated files geo287 reads: quoted fields
/// (with doubled quotes), CRLF or LF line ends, a UTF-8 BOM, and fields trimmed of the
/// padding some Census files carry.
public enum DelimitedText {
    /// Splits `text` into rows of fields. Empty lines are dropped.
    public static func rows(_ text: String, separator: Character = ",", trim: Bool = true) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var wasQuoted = false
        var iterator = text.makeIterator()
        if text.first == "\u{FEFF}" { _ = iterator.next() }
        func endField() {
            row.append(trim && !wasQuoted ? field.trimmingCharacters(in: .whitespaces) : field)
            field = ""
            wasQuoted = false
        }
        func endRow() {
            endField()
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
        }
        while let c = iterator.next() {
            if inQuotes {
                if c == "\"" {
                    // A doubled quote is a literal quote; a single one closes the field.
                    var lookahead = iterator
                    if lookahead.next() == "\"" { field.append("\""); iterator = lookahead } else { inQuotes = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                inQuotes = true
                wasQuoted = true
                field = ""
            } else if c == separator {
                endField()
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                endRow()
            } else if wasQuoted && c == " " {
                continue   // padding after a closing quote (Geocorr lines end with a space)
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { endRow() }
        return rows
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
