import Geo287Core
/// Decoding of XML character data: the five predefined entities and numeric character
/// references. Any other entity reference is an error (no DTD is ever honoured).
enum XMLText {
    static func decode(_ bytes: [UInt8], _ range: Range<Int>, scanner: XMLScanner) throws -> String {
        let clamped = range.clamped(to: 0..<bytes.count)
        let plain = bytes.withUnsafeBufferPointer { b -> String? in
            let slice = UnsafeBufferPointer(rebasing: b[clamped])
            return slice.contains(UInt8(ascii: "&")) ? nil : String(decoding: slice, as: UTF8.self)
        }
        if let plain { return plain }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            var j = i + 1
            while j < range.upperBound, bytes[j] != UInt8(ascii: ";"), j - i < 12 { j += 1 }
            guard j < range.upperBound, bytes[j] == UInt8(ascii: ";") else {
                throw scanner.error("malformed entity reference at byte \(i)")
            }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            guard let scalar = entity(name) else {
                throw scanner.error("undefined entity &\(name); (entities are never expanded)")
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            i = j + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init)
        }
    }

    /// Undoes the OOXML `_xHHHH_` escapes that Excel writes for control characters in strings.
    static func unescapeOOXML(_ s: String) -> String {
        guard TextSearch.contains(s, "_x") else { return s }
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let v = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(v) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
