import Foundation
import Geo287Core
import Geo287Geometry

/// A byte-level reader for `--points` CSVs: it finds each record's byte range (so the output
/// repeats the input row exactly) and parses only the two coordinate fields. RFC 4180 quoting
/// (quoted separators, newlines and doubled quotes), LF or CRLF, a UTF-8 BOM; empty lines skipped.
///
/// Limits, each named in its error: 128 MiB (`sizeLimit`), 1,000 header fields
/// (`fieldLimit`), 1,000,000 data rows (`rowLimit`; a million rows peak at about 0.6 GB).
struct LookupCSV {
    static let sizeLimit = 128 << 20
    static let fieldLimit = 1_000
    static let rowLimit = 1_000_000

    let bytes: [UInt8]
    let header: [String]
    /// Byte range of the header record (BOM included, line end excluded).
    let headerRange: Range<Int>
    /// Byte range of each data record (without its line end), and its 1-based line number.
    private(set) var records: [Range<Int>] = []
    private(set) var lines: [Int] = []
    private(set) var coordinates: [Coordinate] = []
    /// Per record: the coordinates as given when they are out of range (latitude beyond ±90 or
    /// longitude beyond ±180; `coordinates` then holds a point in no county), else nil.
    private(set) var outOfRange: [Coordinate?] = []
    private(set) var bad: [LookupBulk.BadRow] = []

    init(bytes: [UInt8], path: String, latNames: [String], lonNames: [String]) throws {
        self.bytes = bytes
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        guard let head = Self.record(bytes, from: &i, line: &line, keep: nil) else { throw DataError(path, "empty file: expected a header with lat and lon") }
        guard head.count <= Self.fieldLimit else {
            throw DataError(path, "line 1: the header has \(head.count) fields, over the \(Self.fieldLimit)-field limit")
        }
        header = head.fields.map { Self.text(bytes, $0) }
        headerRange = 0..<head.range.upperBound
        let lower = header.map { $0.lowercased() }
        guard let latCol = lower.firstIndex(where: latNames.contains), let lonCol = lower.firstIndex(where: lonNames.contains) else {
            throw DataError(path, "no lat and lon columns in the header (\(header.joined(separator: ",")))")
        }
        while i < bytes.count {
            let startLine = line
            guard let r = Self.record(bytes, from: &i, line: &line, keep: (latCol, lonCol)) else { break }
            if r.range.isEmpty { continue }
            guard records.count + bad.count < Self.rowLimit else {
                throw DataError(path, "line \(startLine): more than \(Self.rowLimit) rows, the limit for --points")
            }
            guard latCol < r.count, lonCol < r.count else {
                bad.append(.init(row: startLine, message: "\(r.count) field\(r.count == 1 ? "" : "s"), no lat/lon"))
                continue
            }
            let (latRange, lonRange) = r.kept
            if let y = Self.number(bytes, latRange), let x = Self.number(bytes, lonRange),
               (-90...90).contains(y), (-180...180).contains(x) {
                coordinates.append(Coordinate(x, y))
                outOfRange.append(nil)
                records.append(r.range)
                lines.append(startLine)
                continue
            }
            if let y = Double(Self.text(bytes, latRange)), let x = Double(Self.text(bytes, lonRange)), x.isFinite, y.isFinite {
                // Numbers out of range: kept and flagged (often latitude and longitude swapped).
                coordinates.append(Self.nowhere)
                outOfRange.append(Coordinate(x, y))
                records.append(r.range)
                lines.append(startLine)
                continue
            }
            do {   // the slow path, for the message
                coordinates.append(try LookupQuery.coordinate(lat: Self.text(bytes, latRange), lon: Self.text(bytes, lonRange)))
                outOfRange.append(nil)
                records.append(r.range)
                lines.append(startLine)
            } catch {
                bad.append(.init(row: startLine, message: "\(error)"))
            }
        }
    }

    /// A point in no county (the South Atlantic), located in place of out-of-range coordinates.
    static let nowhere = Coordinate(-20, -50)

    struct Record {
        var range: Range<Int>
        /// Every field's range (header), or only the two kept fields at their indices' places.
        var count = 0
        var fields: [Range<Int>] = []
        var kept: (Range<Int>, Range<Int>) = (0..<0, 0..<0)
    }

    /// One record from `i`: its range and its fields' ranges (quotes included): all of them, or
    /// with `keep` only those two (no array per record). Advances `i` past the line end and
    /// `line` past every newline consumed.
    static func record(_ b: [UInt8], from i: inout Int, line: inout Int, keep: (Int, Int)?) -> Record? {
        guard i < b.count else { return nil }
        let start = i
        var r = Record(range: start..<start)
        var fieldStart = i, inQuotes = false
        func add(_ f: Range<Int>) {
            if let keep {
                if r.count == keep.0 { r.kept.0 = f }
                if r.count == keep.1 { r.kept.1 = f }
            } else if r.fields.count < fieldLimit {
                r.fields.append(f)   // past the limit only counted: the caller refuses the record
            }
            r.count += 1
        }
        while i < b.count {
            let c = b[i]
            if inQuotes {
                if c == 0x22 { inQuotes = false } else if c == 0x0A { line += 1 }
            } else if c == 0x22 {
                inQuotes = true
            } else if c == 0x2C {
                add(fieldStart..<i)
                fieldStart = i + 1
            } else if c == 0x0A || c == 0x0D {
                break
            }
            i += 1
        }
        let end = i
        if end > start { add(fieldStart..<end) }
        if i < b.count, b[i] == 0x0D { i += 1 }
        if i < b.count, b[i] == 0x0A { i += 1 }
        line += 1
        r.range = start..<end
        return r
    }

    /// A field's text: surrounding spaces and quotes removed, doubled quotes undone.
    static func text(_ b: [UInt8], _ r: Range<Int>) -> String {
        var s = String(decoding: b[r], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") {
            s = String(s.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
        return s
    }

    /// A plain decimal number (no quotes) parsed without making a String; nil otherwise.
    static func number(_ b: [UInt8], _ r: Range<Int>) -> Double? {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, b[lo] == 0x20 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 { hi -= 1 }
        guard hi > lo, hi - lo < 40 else { return nil }
        for k in lo..<hi {
            let c = b[k]
            guard (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x2D || c == 0x2B || c == 0x65 || c == 0x45 else { return nil }
        }
        var buffer = [CChar](repeating: 0, count: hi - lo + 1)
        for k in lo..<hi { buffer[k - lo] = CChar(bitPattern: b[k]) }
        return buffer.withUnsafeBufferPointer { p -> Double? in
            guard let base = p.baseAddress else { return nil }
            var end: UnsafeMutablePointer<CChar>?
            let v = strtod(base, &end)
            guard let end, end == UnsafeMutablePointer(mutating: base) + (hi - lo), v.isFinite else { return nil }
            return v
        }
    }
}
