import Geo287Core

/// A small pull tokenizer for the XML parts of an xlsx package (and other well-formed XML)
/// that owns its bytes: `XMLReader`'s tokens and helpers, one call at a time. It works on raw
/// UTF-8 bytes and hands out byte ranges, so scanning allocates almost nothing. The large parts
/// are read with `XMLReader` directly, inside one `withUnsafeBufferPointer`.
struct XMLScanner {
    typealias Token = XMLReader.Token

    let bytes: [UInt8]
    let path: String
    let part: String
    private var state = XMLReader.State()

    init(bytes: [UInt8], path: String, part: String) {
        self.bytes = bytes
        self.path = path
        self.part = part
    }

    /// `body` with a reader on the bytes, where this scanner stands.
    func withReader<T>(_ body: (XMLReader) throws -> T) rethrows -> T {
        try bytes.withUnsafeBufferPointer { try body(XMLReader($0, path: path, part: part, state: state)) }
    }

    func error(_ message: String) -> DataError {
        DataError(path, "\(part): \(message)")
    }

    mutating func next() throws -> Token? {
        let (token, state) = try withReader { reader in
            var reader = reader
            return (try reader.next(), reader.state)
        }
        self.state = state
        return token
    }

    /// True when the tag or end-tag name in `range` has the local name `local` (prefix ignored).
    func isNamed(_ range: Range<Int>, _ local: StaticString) -> Bool { withReader { $0.isNamed(range, local) } }

    /// The decoded value of the attribute whose local name is `local`, if present.
    func attribute(_ local: StaticString, of tag: XMLTag) throws -> String? {
        try withReader { try $0.attribute(local, of: tag) }
    }

    func attributeRange(_ local: StaticString, of tag: XMLTag) -> Range<Int>? {
        withReader { $0.attributeRange(local, of: tag) }
    }

    /// Calls `body` with the name and raw value range of each attribute of `tag`, in order,
    /// until it returns false (`XMLReader.forEachAttribute`).
    func forEachAttribute(of tag: XMLTag, _ body: (_ name: Range<Int>, _ value: Range<Int>) -> Bool) {
        withReader { $0.forEachAttribute(of: tag, body) }
    }

    /// True when the bytes of `a` and `b` are the same.
    func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool { withReader { $0.sameBytes(a, b) } }

    func text(_ range: Range<Int>) throws -> String { try withReader { try $0.text(range) } }
}
