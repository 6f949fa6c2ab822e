import Foundation

/// A small RFC 4180 reader for the CSV and tab-separated files geo287 reads: quoted fields
/// (with doubled quotes), CRLF or LF line ends, a UTF-8 BOM, and fields trimmed of the
/// padding some Census files carry.
public enum DelimitedText {
    /// Bounds on what one file may hold, checked while scanning (before a row or a field is
    /// added), so a hostile file is refused with its line number instead of exhausting memory.
    public struct Limits: Sendable {
        public var records: Int
        public var fieldsPerRecord: Int
        public var fieldBytes: Int
        public init(records: Int, fieldsPerRecord: Int, fieldBytes: Int) {
            self.records = records; self.fieldsPerRecord = fieldsPerRecord; self.fieldBytes = fieldBytes
        }
        /// For Census tables and the like: 5 million records of at most 1,000 fields of 1 MiB.
        public static let standard = Limits(records: 5_000_000, fieldsPerRecord: 1_000, fieldBytes: 1 << 20)
    }

    /// Splits `text` into rows of fields. Empty lines are dropped.
    public static func rows(_ text: String, separator: Character = ",", trim: Bool = true) -> [[String]] {
        rows(bytes: Array(text.utf8), separator: separator.asciiValue ?? 0x2C, decoding: .utf8WithLatin1Fallback, trim: trim)
    }

    /// Splits raw bytes into rows of fields, decoding each field (UTF-8 or Latin-1).
    public static func rows(bytes: [UInt8], separator: UInt8 = 0x2C, decoding: TextDecoding, trim: Bool = true) -> [[String]] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer, separator: separator, decoding: decoding, trim: trim, limits: nil)
            return scanner.run()
        }
    }

    /// `rows(bytes:)` for a file someone hands in: a quoted field still open at the end of the
    /// file is an error naming the file and the record, not a last record that swallowed the rest.
    /// Each record comes with the 1-based line of the file it starts on, for messages.
    /// Past `limits`, an error names the line and the limit.
    public static func records(bytes: [UInt8], path: String, separator: UInt8 = 0x2C,
                               decoding: TextDecoding = .utf8WithLatin1Fallback, trim: Bool = true,
                               limits: Limits = .standard) throws -> [(line: Int, fields: [String])] {
        let (rows, lines, open, failure) = bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer, separator: separator, decoding: decoding, trim: trim, limits: limits)
            let rows = scanner.run()
            return (rows, scanner.rowLines, scanner.unterminatedLine, scanner.failure)
        }
        if let failure { throw DataError(path, failure) }
        if let open { throw DataError(path, "line \(open): a quoted field has no closing quote") }
        return Array(zip(lines, rows))
    }

    /// The reader's state machine: fields are byte ranges of the input, copied only when a
    /// quoted field holds a doubled quote. (A nested function capturing the row and field
    /// would box them on the heap and cost an indirection per byte.)
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let separator: UInt8
        let decoding: TextDecoding
        let trim: Bool
        let limits: Limits?
        /// Why scanning stopped early (a limit), for the error.
        var failure: String?
        var rows: [[String]] = []
        var row: [String] = []
        var start = 0, end = 0            // the current field's bytes, when `copied` is nil
        var copied: [UInt8]?              // a quoted field with doubled quotes
        var wasQuoted = false
        /// The 1-based line on which each kept row starts (quoted line breaks counted).
        var rowLines: [Int] = []
        var line = 1, rowStart = 1
        /// The line of the record whose quoted field the input ended in.
        var unterminatedLine: Int?

        init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, decoding: TextDecoding, trim: Bool, limits: Limits?) {
            self.bytes = bytes; self.separator = separator; self.decoding = decoding; self.trim = trim; self.limits = limits
        }

        mutating func run() -> [[String]] {
            let n = bytes.count
            var i = 0
            if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
            start = i; end = i
            var pending = false            // a field or row has begun since the last row end
            while i < n && failure == nil {
                let c = bytes[i]
                i += 1
                if c == separator {
                    endField(); start = i; end = i; pending = true
                } else if c == 0x0A || c == 0x0D {
                    if c == 0x0D && i < n && bytes[i] == 0x0A { i += 1 }
                    endRow(); start = i; end = i; pending = false
                    line += 1
                    rowStart = line
                } else if c == 0x22 && !wasQuoted && isBlank(start, end) {
                    wasQuoted = true
                    pending = true
                    start = i
                    // The quoted part: up to the closing quote; a doubled quote is one quote.
                    while i < n {
                        if bytes[i] == 0x22 {
                            if i + 1 < n && bytes[i + 1] == 0x22 {
                                if copied == nil { copied = Array(bytes[start..<i]) }
                                copied?.append(0x22)
                                i += 2
                                continue
                            }
                            break
                        }
                        if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == n || bytes[i + 1] != 0x0A)) { line += 1 }
                        if copied != nil { copied?.append(bytes[i]) }
                        i += 1
                    }
                    end = i
                    if i < n { i += 1 } else { unterminatedLine = rowStart }   // the closing quote
                } else if wasQuoted {
                    // After a closing quote: padding is dropped (Geocorr lines end with a space),
                    // anything else is kept as written.
                    if c != 0x20 && c != 0x09 {
                        if copied == nil { copied = Array(bytes[start..<end]) }
                        copied?.append(c)
                    }
                } else {
                    end = i
                    pending = true
                }
            }
            if failure == nil && (pending || !row.isEmpty) { endRow() }
            return rows
        }

        func isBlank(_ from: Int, _ to: Int) -> Bool {
            var k = from
            while k < to { if bytes[k] != 0x20 && bytes[k] != 0x09 { return false }; k += 1 }
            return true
        }

        mutating func endField() {
            if let limits {
                let size = copied?.count ?? (end - start)
                if row.count >= limits.fieldsPerRecord {
                    failure = "line \(rowStart): more than \(limits.fieldsPerRecord) fields in a record (the limit for this file)"
                } else if size > limits.fieldBytes {
                    failure = "line \(rowStart): a field of \(size) bytes, over the \(limits.fieldBytes)-byte limit for one field"
                }
                if failure != nil { row = []; copied = nil; return }
            }
            if let c = copied {
                row.append(c.withUnsafeBufferPointer { text($0) })
            } else {
                var a = start, b = end
                if trim && !wasQuoted {
                    while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
                    while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
                }
                row.append(text(UnsafeBufferPointer(rebasing: bytes[a..<b])))
            }
            copied = nil
            wasQuoted = false
        }

        /// A field's text. A contiguous buffer (not a slice) keeps `String(decoding:)` on its fast
        /// path: through a generic slice it cost ~450 instructions per field.
        func text(_ field: UnsafeBufferPointer<UInt8>) -> String {
            field.allSatisfy({ $0 < 0x80 }) ? String(decoding: field, as: UTF8.self) : decoding.decode(Array(field))
        }

        mutating func endRow() {
            endField()
            if failure != nil { return }
            if !(row.count == 1 && row[0].isEmpty) {
                if let limits, rows.count >= limits.records {
                    failure = "line \(rowStart): more than \(limits.records) records (the limit for this file)"
                    return
                }
                rows.append(row); rowLines.append(rowStart)
            }
            // The next row has room for as many fields as this one (no regrowth per field).
            let width = row.count
            row = []
            row.reserveCapacity(width)
        }
    }

    /// Reads and splits a delimited file of at most `sizeLimit` bytes (`what` names it in errors).
    public static func rows(path: String, separator: UInt8 = 0x2C, decoding: TextDecoding = .utf8WithLatin1Fallback,
                            sizeLimit: Int, what: String, limits: Limits = .standard) throws -> [[String]] {
        try records(bytes: try InputFile.read(path, limit: sizeLimit, what: what), path: path,
                    separator: separator, decoding: decoding, limits: limits).map(\.fields)
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
