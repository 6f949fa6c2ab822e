import Foundation
import Geo287Core

/// The pull tokenizer behind `XMLScanner`, on a part's bytes that the caller keeps for the
/// whole read (`bytes.withUnsafeBufferPointer { XMLReader($0, ...) }`; the reader never
/// outlives that call). The large parts (worksheet, its relationships, shared strings) are read
/// with it directly: no array bounds check, retain or exclusivity check per byte. Every index is
/// still checked against the buffer's count before it is read.
///
/// Document type and entity declarations (`<!DOCTYPE`, `<!ENTITY`) are rejected, never
/// expanded; only the five predefined entities and character references are decoded
/// (`XMLText`). A document that ends inside an open element (a part cut short) or holds no
/// element at all is an error, never a shorter table.
struct XMLReader {
    enum Token {
        case start(XMLTag)
        case end(Range<Int>)
        case text(Range<Int>)
        case cdata(Range<Int>)
    }

    /// Where a read stands: the next byte, the elements opened and not yet closed, and whether
    /// any element was seen.
    struct State {
        var pos = 0
        var depth = 0
        var sawElement = false
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    let part: String
    var state = State()

    init(_ bytes: UnsafeBufferPointer<UInt8>, path: String, part: String, state: State = State()) {
        self.bytes = bytes
        self.path = path
        self.part = part
        self.state = state
    }

    func error(_ message: String) -> DataError {
        DataError(path, "\(part): \(message)")
    }

    /// The next token; nil at the end of a complete document.
    mutating func next() throws -> Token? {
        let b = bytes, n = b.count
        while true {
            let pos = state.pos
            guard pos >= 0, pos < n else { return try end() }
            if b[pos] != UInt8(ascii: "<") {
                state.pos = Self.first(UInt8(ascii: "<"), in: b, from: pos)
                return .text(pos..<state.pos)
            }
            guard pos + 1 < n else { throw error("truncated markup at byte \(pos)") }
            switch b[pos + 1] {
            case UInt8(ascii: "?"):
                state.pos = try skip(past: "?>", from: pos + 2)
            case UInt8(ascii: "!"):
                if matches("<!--", at: pos) {
                    state.pos = try skip(past: "-->", from: pos + 4)
                } else if matches("<![CDATA[", at: pos) {
                    let start = pos + 9
                    state.pos = try skip(past: "]]>", from: start)
                    return .cdata(start..<(state.pos - 3))
                } else {
                    throw error("XML declares a DOCTYPE or ENTITY; refused (entity declarations are never expanded)")
                }
            case UInt8(ascii: "/"):
                let start = pos + 2
                let nameEnd = Self.nameEnd(in: b, from: start)
                let i = Self.first(UInt8(ascii: ">"), in: b, from: nameEnd)
                guard i < n else { throw error("unterminated end tag at byte \(start)") }
                state.pos = i + 1
                state.depth -= 1
                if state.depth < 0 { throw error("an end tag closes an element that was never opened") }
                return .end(start..<nameEnd)
            default:
                let start = pos + 1
                let nameEnd = Self.nameEnd(in: b, from: start)
                let i = Self.tagEnd(in: b, from: nameEnd)
                guard i < n else { throw error("unterminated tag at byte \(pos)") }
                let selfClosing = i > nameEnd && b[i - 1] == UInt8(ascii: "/")
                state.pos = i + 1
                guard nameEnd > start else { throw error("tag without a name at byte \(pos)") }
                state.sawElement = true
                if !selfClosing { state.depth += 1 }
                return .start(XMLTag(name: start..<nameEnd, attributes: nameEnd..<(selfClosing ? i - 1 : i), selfClosing: selfClosing))
            }
        }
    }

    /// When the element `tag` just opened holds plain text (no markup, possibly none) and then
    /// its end tag spelled exactly like its name (`<v>12</v>`), reads past both and returns the
    /// text's range: what `next()` would give as a text token (when not empty) and an end
    /// token. Otherwise nil, and nothing is read.
    mutating func textContent(of tag: XMLTag) -> Range<Int>? {
        let b = bytes, start = state.pos
        guard !tag.selfClosing, start >= 0, tag.name.lowerBound >= 0, tag.name.upperBound <= b.count else { return nil }
        let lt = Self.first(UInt8(ascii: "<"), in: b, from: start)
        let nameCount = tag.name.count
        // `</` + name + `>`
        guard lt <= b.count - nameCount - 3, b[lt + 1] == UInt8(ascii: "/"), b[lt + 2 + nameCount] == UInt8(ascii: ">"),
              let base = b.baseAddress,
              memcmp(base + lt + 2, base + tag.name.lowerBound, nameCount) == 0 else { return nil }
        state.pos = lt + 3 + nameCount
        state.depth -= 1
        return start..<lt
    }

    /// The end of the bytes: nil when the document is complete, else the error saying why not.
    private func end() throws -> Token? {
        let depth = state.depth
        if depth > 0 { throw error("the document is truncated (it ends inside \(depth) open element\(depth == 1 ? "" : "s"), at byte \(bytes.count))") }
        if !state.sawElement { throw error("holds no XML element (empty or not XML)") }
        return nil
    }

    /// The part of the tag or end-tag name in `range` after its last colon (the local name);
    /// empty when `range` is not within the bytes.
    func localName(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return UnsafeBufferPointer(rebasing: bytes[0..<0]) }
        var start = range.upperBound
        while start > range.lowerBound, bytes[start - 1] != UInt8(ascii: ":") { start -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<range.upperBound])
    }

    /// True when the tag or end-tag name in `range` has the local name `local` (prefix ignored).
    /// `local` holds no colon, so the name matches when it ends with `local` right after its
    /// start or after a colon (then that colon is the last one).
    func isNamed(_ range: Range<Int>, _ local: StaticString) -> Bool {
        let count = local.utf8CodeUnitCount
        guard range.lowerBound >= 0, range.count >= count, range.upperBound <= bytes.count else { return false }
        let start = range.upperBound - count
        if start > range.lowerBound, bytes[start - 1] != UInt8(ascii: ":") { return false }
        return Self.equal(UnsafeBufferPointer(rebasing: bytes[start..<range.upperBound]), local)
    }

    /// The decoded value of the attribute whose local name is `local`, if present.
    func attribute(_ local: StaticString, of tag: XMLTag) throws -> String? {
        guard let range = attributeRange(local, of: tag) else { return nil }
        return try text(range)
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
        let b = UnsafeBufferPointer(rebasing: bytes[0..<end])
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

    /// True when the bytes of `a` and `b` are the same.
    func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count, a.lowerBound >= 0, b.lowerBound >= 0,
              a.upperBound <= bytes.count, b.upperBound <= bytes.count else { return false }
        guard let base = bytes.baseAddress, !a.isEmpty else { return true }
        return memcmp(base + a.lowerBound, base + b.lowerBound, a.count) == 0
    }

    /// True when `range` holds exactly the bytes of `literal`.
    func holds(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
        return Self.equal(UnsafeBufferPointer(rebasing: bytes[range]), literal)
    }

    /// True when `b` holds exactly the bytes of `literal`.
    static func equal(_ b: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard b.count == count else { return false }
        return literal.withUTF8Buffer { want in
            for k in 0..<count where b[k] != want[k] { return false }
            return true
        }
    }

    /// The text of `range`, entity and character references decoded.
    func text(_ range: Range<Int>) throws -> String {
        try XMLText.decode(bytes, range, reader: self)
    }

    /// The index of the first `&` in `range`, nil when there is none (the text is then its bytes).
    func firstAmpersand(_ range: Range<Int>) -> Int? {
        let end = min(range.upperBound, bytes.count)
        let i = Self.first(UInt8(ascii: "&"), in: UnsafeBufferPointer(rebasing: bytes[0..<max(end, 0)]), from: range.lowerBound)
        return i < end ? i : nil
    }

    private func matches(_ pattern: StaticString, at index: Int) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard index >= 0, index <= bytes.count - count else { return false }
        return Self.equal(UnsafeBufferPointer(rebasing: bytes[index..<(index + count)]), pattern)
    }

    private func skip(past pattern: StaticString, from index: Int) throws -> Int {
        let head = pattern.withUTF8Buffer { $0[0] }
        var i = max(index, 0)
        while i < bytes.count {
            i = Self.first(head, in: bytes, from: i)
            if matches(pattern, at: i) { return i + pattern.utf8CodeUnitCount }
            i += 1
        }
        throw error("unterminated markup at byte \(index)")
    }

    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    /// The index of the first `byte` at or after `from`, or the end of `b` (`memchr`).
    static func first(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var start = max(from, 0)
        // Most runs in a sheet are a few bytes (`A1`, `0`): read in place before calling memchr.
        let near = min(b.count, start + 16)
        while start < near {
            if b[start] == byte { return start }
            start += 1
        }
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
