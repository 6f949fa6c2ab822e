import Foundation
import Geo287Core

/// A CSV document built as bytes (RFC 4180 quoting), for panels of hundreds of thousands of rows
/// where `String` building per field is the bottleneck.
public struct BatchCSV: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var rows = 0

    public init(header: [String]) {
        bytes.reserveCapacity(1 << 20)
        append(header)
        rows = 0
    }

    public mutating func append(_ fields: [String]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            field(f)
        }
        bytes.append(UInt8(ascii: "\n"))
        rows += 1
    }

    /// `fields` as CSV bytes, each followed by a comma (a row's leading part).
    public static func fields(_ fields: [String]) -> [UInt8] {
        var b = BatchCSV()
        for f in fields {
            b.field(f)
            b.bytes.append(UInt8(ascii: ","))
        }
        return b.bytes
    }

    /// `fields` as CSV bytes separated by commas (a row's last part).
    public static func tail(_ fields: [String]) -> [UInt8] {
        var b = Self.fields(fields)
        if !b.isEmpty { b.removeLast() }
        return b
    }

    /// An empty document (no header).
    public init() {}

    /// Whole CSV lines made elsewhere, holding `rows` rows.
    public mutating func appendLines(_ lines: [UInt8], rows: Int) {
        bytes.append(contentsOf: lines)
        self.rows += rows
    }

    mutating func field(_ s: String) { CSVWriter.append(s, to: &bytes) }

    public var data: Data { Data(bytes) }

    /// A fraction in [0, 1] with up to `decimals` decimals, trailing zeros trimmed (`0.25`, `1`, `0`).
    public static func fraction(_ x: Double, decimals: Int = 6) -> String {
        guard x.isFinite else { return "" }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let n = Int((x * Double(scale)).rounded())
        let whole = n / scale
        var frac = n % scale
        if frac == 0 { return String(whole) }
        var digits = decimals
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        let f = String(frac)
        return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
    }
}
