import Geo287Core

/// A small pull tokenizer for the XML parts of an xlsx package (and other well-formed XML).
///
/// It works on raw UTF-8 bytes and hands out byte ranges, so scanning a worksheet allocates
/// almost nothing. Document type and entity declarations (`<!DOCTYPE`, `<!ENTITY`) are
/// rejected, never expanded; only the five predefined entities and character references are
/// decoded (`XMLText`). A document that ends inside an open element (a part cut short) or
/// holds no element at all is an error, never a shorter table.
struct XMLScanner {
    enum Token {
        case start(XMLTag)
        case end(Range<Int>)
        case text(Range<Int>)
        case cdata(Range<Int>)
    }

    let bytes: [UInt8]
    let path: String
    let part: String
    private var pos = 0
    /// Elements opened and not yet closed; and whether any element was seen.
    private var depth = 0
    private var sawElement = false

    init(bytes: [UInt8], path: String, part: String) {
        self.bytes = bytes
        self.path = path
        self.part = part
    }

    func error(_ message: String) -> DataError {
        DataError(path, "\(part): \(message)")
    }

    mutating func next() throws -> Token? {
        let token = try scan()
        switch token {
        case .start(let tag)?:
            sawElement = true
            if !tag.selfClosing { depth += 1 }
        case .end?:
            depth -= 1
            if depth < 0 { throw error("an end tag closes an element that was never opened") }
        case nil:
            if depth > 0 { throw error("the document is truncated (it ends inside \(depth) open element\(depth == 1 ? "" : "s"), at byte \(bytes.count))") }
            if !sawElement { throw error("holds no XML element (empty or not XML)") }
        default:
            break
        }
        return token
    }

    private mutating func scan() throws -> Token? {
        let n = bytes.count
        guard pos < n else { return nil }
        if bytes[pos] != UInt8(ascii: "<") {
            let start = pos
            while pos < n, bytes[pos] != UInt8(ascii: "<") { pos += 1 }
            return .text(start..<pos)
        }
        guard pos + 1 < n else { throw error("truncated markup at byte \(pos)") }
        switch bytes[pos + 1] {
        case UInt8(ascii: "?"):
            pos = try skip(past: Array("?>".utf8), from: pos + 2)
            return try scan()
        case UInt8(ascii: "!"):
            if matches(Array("<!--".utf8), at: pos) {
                pos = try skip(past: Array("-->".utf8), from: pos + 4)
                return try scan()
            }
            if matches(Array("<![CDATA[".utf8), at: pos) {
                let start = pos + 9
                pos = try skip(past: Array("]]>".utf8), from: start)
                return .cdata(start..<(pos - 3))
            }
            throw error("XML declares a DOCTYPE or ENTITY; refused (entity declarations are never expanded)")
        case UInt8(ascii: "/"):
            let start = pos + 2
            var i = start
            while i < n, !isNameEnd(bytes[i]) { i += 1 }
            let name = start..<i
            while i < n, bytes[i] != UInt8(ascii: ">") { i += 1 }
            guard i < n else { throw error("unterminated end tag at byte \(start)") }
            pos = i + 1
            return .end(name)
        default:
            let start = pos + 1
            var i = start
            while i < n, !isNameEnd(bytes[i]) { i += 1 }
            let name = start..<i
            var quote: UInt8 = 0
            while i < n {
                let b = bytes[i]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: ">") {
                    break
                }
                i += 1
            }
            guard i < n else { throw error("unterminated tag at byte \(pos)") }
            let selfClosing = i > name.upperBound && bytes[i - 1] == UInt8(ascii: "/")
            let attrs = name.upperBound..<(selfClosing ? i - 1 : i)
            pos = i + 1
            guard !name.isEmpty else { throw error("tag without a name at byte \(start - 1)") }
            return .start(XMLTag(name: name, attributes: attrs, selfClosing: selfClosing))
        }
    }

    /// True when the tag or end-tag name in `range` has the local name `local` (prefix ignored).
    func isNamed(_ range: Range<Int>, _ local: StaticString) -> Bool {
        var start = range.lowerBound
        for i in range where bytes[i] == UInt8(ascii: ":") { start = i + 1 }
        let count = range.upperBound - start
        guard count == local.utf8CodeUnitCount else { return false }
        return local.withUTF8Buffer { want in
            for k in 0..<count where bytes[start + k] != want[k] { return false }
            return true
        }
    }

    /// The decoded value of the attribute whose local name is `local`, if present.
    func attribute(_ local: StaticString, of tag: XMLTag) throws -> String? {
        guard let range = attributeRange(local, of: tag) else { return nil }
        return try XMLText.decode(bytes, range, scanner: self)
    }

    func attributeRange(_ local: StaticString, of tag: XMLTag) -> Range<Int>? {
        var i = tag.attributes.lowerBound
        let end = tag.attributes.upperBound
        while i < end {
            while i < end, isSpace(bytes[i]) { i += 1 }
            let nameStart = i
            while i < end, bytes[i] != UInt8(ascii: "="), !isSpace(bytes[i]) { i += 1 }
            let name = nameStart..<i
            while i < end, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'") { i += 1 }
            guard i < end else { return nil }
            let quote = bytes[i]
            let valueStart = i + 1
            i = valueStart
            while i < end, bytes[i] != quote { i += 1 }
            let value = valueStart..<min(i, end)
            i += 1
            if !name.isEmpty, isNamed(name, local) { return value }
        }
        return nil
    }

    func text(_ range: Range<Int>) throws -> String {
        try XMLText.decode(bytes, range, scanner: self)
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
        return true
    }

    private func skip(past pattern: [UInt8], from index: Int) throws -> Int {
        var i = index
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0], matches(pattern, at: i) { return i + pattern.count }
            i += 1
        }
        throw error("unterminated markup at byte \(index)")
    }

    private func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    private func isNameEnd(_ b: UInt8) -> Bool {
        isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
    }
}

struct XMLTag {
    let name: Range<Int>
    let attributes: Range<Int>
    let selfClosing: Bool
}
