import Foundation

/// A JSON value whose object keys keep the order given, so every output is deterministic and
/// reads in its documented order. Doubles are written with a fixed number of decimals.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double, decimals: Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

    public static func number(_ d: Double, decimals: Int = 6) -> JSONValue { .double(d, decimals: decimals) }
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indents, or compact. No trailing newline.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .double(d, decimals): out += JSONValue.format(d, decimals: decimals)
        case let .string(s): JSONValue.quote(s, into: &out)
        case let .array(items): container(items.map { (nil, $0) }, "[", "]", &out, indent)
        case let .object(pairs): container(pairs.map { ($0.0, $0.1) }, "{", "}", &out, indent)
        }
    }

    private func container(_ items: [(String?, JSONValue)], _ open: String, _ close: String, _ out: inout String, _ indent: Int?) {
        out += open
        if items.isEmpty { out += close; return }
        for (i, (key, value)) in items.enumerated() {
            if i > 0 { out += "," }
            if let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
            if let key { JSONValue.quote(key, into: &out); out += indent == nil ? ":" : ": " }
            value.write(into: &out, indent: indent.map { $0 + 1 })
        }
        if let indent { out += "\n" + String(repeating: "  ", count: indent) }
        out += close
    }

    /// Fixed decimals, trailing zeros trimmed; non-finite numbers become null.
    public static func format(_ d: Double, decimals: Int) -> String {
        guard d.isFinite else { return "null" }
        var s = FixedDecimal.format(d, decimals: decimals) ?? String(format: "%.\(decimals)f", d)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }
}

/// CSV output with RFC 4180 quoting, the one quoting rule of every CSV geo287 writes: a field
/// holding a comma, a quote, CR or LF (CR LF, one `Character` in Swift, included: the test is
/// on bytes) is quoted, its quotes doubled; any other is written as is.
///
/// Formula injection: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return would be run as a formula by a spreadsheet, so it is written with a leading `'`
/// (`=HYPERLINK(...)` becomes `'=HYPERLINK(...)`), as spreadsheet-safe exporters do. Plain
/// numbers (`-12`, `+3.5`) are left as they are. JSON outputs keep the raw value.
public enum CSVWriter {
    public static func field(_ s: String) -> String {
        var bytes: [UInt8] = []
        append(s, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }

    /// Appends one field's bytes (for writers that build large files as bytes).
    public static func append(_ s: String, to bytes: inout [UInt8]) {
        var s = s
        s.withUTF8 { buf in
            let neutralise = startsFormula(buf)
            let needsQuotes = buf.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else {
                if neutralise { bytes.append(UInt8(ascii: "'")) }
                bytes.append(contentsOf: buf)
                return
            }
            bytes.append(UInt8(ascii: "\""))
            if neutralise { bytes.append(UInt8(ascii: "'")) }
            for b in buf {
                if b == UInt8(ascii: "\"") { bytes.append(b) }
                bytes.append(b)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// True when a spreadsheet would read the cell as a formula: it starts with = + - @ tab or
    /// CR and is not a plain decimal number.
    static func startsFormula(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = buf.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !isPlainNumber(buf.dropFirst())
        default: return false
        }
    }

    /// Digits with at most one decimal point (and at least one digit), or an exponent form `1e-5`.
    static func isPlainNumber(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var digits = 0, points = 0
        var i = rest.startIndex
        while i < rest.endIndex {
            let b = rest[i]
            if b >= 0x30 && b <= 0x39 { digits += 1 } else if b == UInt8(ascii: ".") { points += 1 } else if (b == UInt8(ascii: "e") || b == UInt8(ascii: "E")) && digits > 0 {
                let exponent = rest[rest.index(after: i)...]
                let body = exponent.first == UInt8(ascii: "-") || exponent.first == UInt8(ascii: "+") ? exponent.dropFirst() : exponent
                return !body.isEmpty && body.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && points <= 1
            } else { return false }
            i = rest.index(after: i)
        }
        return digits > 0 && points <= 1
    }
}
