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
        var s = String(format: "%.\(decimals)f", d)
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
/// holding a comma, a quote, CR or LF is quoted, its quotes doubled; any other is written as is.
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
            let needsQuotes = buf.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else { bytes.append(contentsOf: buf); return }
            bytes.append(UInt8(ascii: "\""))
            for b in buf {
                if b == UInt8(ascii: "\"") { bytes.append(b) }
                bytes.append(b)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
