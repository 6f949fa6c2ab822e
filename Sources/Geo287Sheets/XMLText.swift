import Geo287Core
/// Decoding of XML character data: the five predefined entities and numeric character
/// references. Any other entity reference is an error (no DTD is ever honoured).
enum XMLText {
    static func decode(_ all: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, reader: XMLReader) throws -> String {
        let clamped = range.clamped(to: 0..<all.count)
        let b = UnsafeBufferPointer(rebasing: all[clamped])
        var amp = XMLReader.first(UInt8(ascii: "&"), in: b, from: 0)
        guard amp < b.count else { return String(decoding: b, as: UTF8.self) }
        // Runs between references are copied whole; the five predefined entities are
        // recognized by their bytes, other references decoded as text.
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while true {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<amp]))
            var j = amp + 1
            while j < b.count, b[j] != UInt8(ascii: ";"), j - amp < 12 { j += 1 }
            guard j < b.count, b[j] == UInt8(ascii: ";") else {
                throw reader.error("malformed entity reference at byte \(clamped.lowerBound + amp)")
            }
            let name = UnsafeBufferPointer(rebasing: b[(amp + 1)..<j])
            if let byte = predefined(name) {
                out.append(byte)
            } else {
                let text = String(decoding: name, as: UTF8.self)
                guard let scalar = numericReference(text) else {
                    throw reader.error("undefined entity &\(text); (entities are never expanded)")
                }
                out.append(contentsOf: String(Character(scalar)).utf8)
            }
            i = j + 1
            amp = XMLReader.first(UInt8(ascii: "&"), in: b, from: i)
            guard amp < b.count else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...]))
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// The byte of `&amp;`, `&lt;`, `&gt;`, `&quot;` or `&apos;` from the name's bytes.
    private static func predefined(_ name: UnsafeBufferPointer<UInt8>) -> UInt8? {
        switch name.count {
        case 2 where name[1] == UInt8(ascii: "t"):
            return name[0] == UInt8(ascii: "l") ? UInt8(ascii: "<") : name[0] == UInt8(ascii: "g") ? UInt8(ascii: ">") : nil
        case 3 where name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p"):
            return UInt8(ascii: "&")
        case 4 where name.elementsEqual("quot".utf8):
            return UInt8(ascii: "\"")
        case 4 where name.elementsEqual("apos".utf8):
            return UInt8(ascii: "'")
        default:
            return nil
        }
    }

    /// The character of `#NNN;` or `#xHHH;` (the predefined entities are `predefined`'s).
    private static func numericReference(_ name: String) -> Unicode.Scalar? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.hasPrefix("x") || digits.hasPrefix("X")
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return value.flatMap(Unicode.Scalar.init)
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
