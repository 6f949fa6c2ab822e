import Foundation
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
            pos = bytes.withUnsafeBufferPointer { Self.first(UInt8(ascii: "<"), in: $0, from: start) }
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
            let (name, i) = bytes.withUnsafeBufferPointer { b in
                let nameEnd = Self.nameEnd(in: b, from: start)
                return (start..<nameEnd, Self.first(UInt8(ascii: ">"), in: b, from: nameEnd))
            }
            guard i < n else { throw error("unterminated end tag at byte \(start)") }
            pos = i + 1
            return .end(name)
        default:
            let start = pos + 1
            let (name, i) = bytes.withUnsafeBufferPointer { b in
                let nameEnd = Self.nameEnd(in: b, from: start)
                return (start..<nameEnd, Self.tagEnd(in: b, from: nameEnd))
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
    /// `local` holds no colon, so the name matches when it ends with `local` right after its
    /// start or after a colon (then that colon is the last one).
    func isNamed(_ range: Range<Int>, _ local: StaticString) -> Bool {
        let count = local.utf8CodeUnitCount
        guard range.count >= count, range.upperBound <= bytes.count else { return false }
        let start = range.upperBound - count
        if start > range.lowerBound, bytes[start - 1] != UInt8(ascii: ":") { return false }
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
        var found: Range<Int>?
        forEachAttribute(of: tag) { name, value in
            guard isNamed(name, local) else { return true }
            found = value
            return false
        }
        return found
    }

    /// Calls `body` with the name and raw value range of each attribute of `tag`, in order,
    /// until it returns false. An attribute whose value has no quote ends the walk (nothing
    /// after it is read), as does the end of the tag.
    func forEachAttribute(of tag: XMLTag, _ body: (_ name: Range<Int>, _ value: Range<Int>) -> Bool) {
        let end = min(tag.attributes.upperBound, bytes.count)
        guard tag.attributes.lowerBound < end else { return }
        bytes.withUnsafeBufferPointer { all in
            let b = UnsafeBufferPointer(rebasing: all[0..<end])
            var i = max(tag.attributes.lowerBound, 0)
            while i < end {
                while i < end, Self.isSpace(b[i]) { i += 1 }
                let nameStart = i
                while i < end, b[i] != UInt8(ascii: "="), !Self.isSpace(b[i]) { i += 1 }
                let name = nameStart..<i
                while i < end, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "'") { i += 1 }
                guard i < end else { return }
                let valueStart = i + 1
                i = Self.first(b[i], in: b, from: valueStart)
                let value = valueStart..<i
                i += 1
                if !name.isEmpty, !body(name, value) { return }
            }
        }
    }

    /// True when the bytes of `a` and `b` are the same.
    func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count, a.upperBound <= bytes.count, b.upperBound <= bytes.count else { return false }
        var i = a.lowerBound, j = b.lowerBound
        while i < a.upperBound {
            if bytes[i] != bytes[j] { return false }
            i += 1
            j += 1
        }
        return true
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

    private func isSpace(_ b: UInt8) -> Bool { Self.isSpace(b) }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    // The loops over a part's bytes, on its buffer: every index is checked against the
    // buffer's count before it is read.

    /// The index of the first `byte` at or after `from`, or the end of `b` (`memchr`).
    private static func first(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let start = max(from, 0)
        guard start < b.count, let base = b.baseAddress else { return b.count }
        guard let hit = memchr(base + start, Int32(byte), b.count - start) else { return b.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The end of a tag name starting at `from`: the first space, `>` or `/`, or the end of `b`.
    private static func nameEnd(in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = max(from, 0)
        while i < b.count {
            let c = b[i]
            if isSpace(c) || c == UInt8(ascii: ">") || c == UInt8(ascii: "/") { break }
            i += 1
        }
        return i
    }

    /// The `>` closing a start tag whose attributes start at `from`, outside quoted values;
    /// the end of `b` when there is none.
    private static func tagEnd(in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = max(from, 0)
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                i = first(c, in: b, from: i + 1)     // past the quoted value (or to the end)
            } else if c == UInt8(ascii: ">") {
                break
            }
            i += 1
        }
        return min(i, b.count)
    }
}

struct XMLTag {
    let name: Range<Int>
    let attributes: Range<Int>
    let selfClosing: Bool
}
