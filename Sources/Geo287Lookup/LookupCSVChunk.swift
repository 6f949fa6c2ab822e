import Foundation
import Geo287Core
import Geo287Geometry

/// A run of consecutive records of a `--points` CSV (`LookupCSVReader`), with each kept row's
/// byte range, line and coordinates, and the rows left out (`bad`), in file order.
struct LookupCSVChunk: Sendable {
    /// The bytes the ranges point into.
    var bytes: [UInt8] = []
    /// Byte range of each kept record (without its line end) and its 1-based line number.
    var records: [Range<Int>] = []
    var lines: [Int] = []
    /// Longitude and latitude of each kept record (`nowhere` for out-of-range coordinates).
    var xs: [Double] = [], ys: [Double] = []
    /// Kept records whose coordinates are out of range (latitude beyond ±90 or longitude beyond
    /// ±180), by their index in `records`: the coordinates as given.
    var outOfRange: [Int: Coordinate] = [:]
    var bad: [LookupBulk.BadRow] = []

    var rowCount: Int { records.count + bad.count }

    /// A point in no county (the South Atlantic), located in place of out-of-range coordinates.
    static let nowhere = Coordinate(-20, -50)

    /// Adds one non-empty record: kept with its coordinates, or reported in `bad`.
    mutating func add(_ r: LookupCSVReader.Record, line: Int, bytes: UnsafeBufferPointer<UInt8>, latColumn: Int, lonColumn: Int) {
        guard latColumn < r.count, lonColumn < r.count else {
            bad.append(.init(row: line, message: "\(r.count) field\(r.count == 1 ? "" : "s"), no lat/lon"))
            return
        }
        let (latRange, lonRange) = r.kept
        if let y = Self.number(bytes, latRange), let x = Self.number(bytes, lonRange),
           (-90...90).contains(y), (-180...180).contains(x) {
            keep(r.range, line: line, Coordinate(x, y))
            return
        }
        let lat = LookupCSVReader.text(bytes, latRange), lon = LookupCSVReader.text(bytes, lonRange)
        if let y = Double(lat), let x = Double(lon), x.isFinite, y.isFinite {
            // Numbers out of range: kept and flagged (often latitude and longitude swapped).
            outOfRange[records.count] = Coordinate(x, y)
            keep(r.range, line: line, Self.nowhere)
            return
        }
        do {   // the slow path, for the message
            keep(r.range, line: line, try LookupQuery.coordinate(lat: lat, lon: lon))
        } catch {
            bad.append(.init(row: line, message: "\(error)"))
        }
    }

    private mutating func keep(_ range: Range<Int>, line: Int, _ c: Coordinate) {
        records.append(range)
        lines.append(line)
        xs.append(c.x)
        ys.append(c.y)
    }

    /// A plain decimal number (no quotes) parsed without making a String; nil otherwise.
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Double? {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, b[lo] == 0x20 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 { hi -= 1 }
        guard hi > lo, hi - lo < 40 else { return nil }
        // The common form (`-82.4572`): an exact integer over a power of ten, as strtod rounds it.
        let negative = b[lo] == 0x2D
        if let v = NumberText.exactDecimal(UnsafeBufferPointer(rebasing: b[(negative || b[lo] == 0x2B ? lo + 1 : lo)..<hi])) {
            return negative ? -v : v
        }
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
