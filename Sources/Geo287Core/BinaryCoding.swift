import Foundation

/// A compact little-endian binary encoding for geo287's derived tables (see `DerivedCache`):
/// integers as 8 bytes, doubles by their bit pattern, strings as a length and UTF-8 bytes the
/// first time, then as a reference to that first one (county names, GEOIDs, file paths repeat
/// thousands of times; the reader then shares one string instead of allocating each).
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var written = BinaryStringTable()

    public init() {}

    public mutating func int(_ v: Int) { uint64(UInt64(bitPattern: Int64(v))) }
    public mutating func uint64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
    }
    public mutating func double(_ v: Double) { uint64(v.bitPattern) }
    public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    public mutating func string(_ v: String) {
        var v = v
        v.withUTF8 { utf8 in
            // The bytes will follow the 8-byte length.
            if let index = written.index(of: utf8, in: bytes, recordingAt: bytes.count + 8) { return int(-1 - index) }
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
    public mutating func raw(_ v: [UInt8]) { bytes.append(contentsOf: v) }
    public mutating func raw(_ v: UnsafeRawBufferPointer) { bytes.append(contentsOf: v) }
    /// Zero bytes up to a multiple of `alignment` from the start.
    public mutating func align(to alignment: Int) {
        bytes.append(contentsOf: repeatElement(0, count: (alignment - bytes.count % alignment) % alignment))
    }

    public mutating func optional<T>(_ v: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(v != nil)
        if let v { write(&self, v) }
    }
    public mutating func array<T>(_ v: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(v.count)
        for e in v { write(&self, e) }
    }
    public mutating func strings(_ v: [String]) { array(v) { $0.string($1) } }
    public mutating func optionalString(_ v: String?) { optional(v) { $0.string($1) } }
}

/// Reads what `BinaryWriter` wrote. Every read is bounds-checked: a truncated or damaged
/// payload is a `BinaryReader.Damaged` error, never a crash or a wrong value.
public struct BinaryReader {
    public struct Damaged: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// What is read (kept alive by the reader, and by the `NumberTable`s read in place).
    public let storage: ByteStorage
    private var bytes: UnsafeRawBufferPointer { storage.bytes }
    public private(set) var offset: Int
    /// Where the writer started (`align` counts from there, as `BinaryWriter.align` did).
    private let origin: Int
    private var table: [String] = []   // strings in the order first written

    /// Reads a copy of `bytes`.
    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.init(ByteStorage(copying: bytes), offset: offset)
    }

    /// Reads `storage` from `offset`, where the writer's bytes start.
    public init(_ storage: ByteStorage, offset: Int = 0) {
        self.storage = storage
        self.offset = offset
        origin = offset
    }

    public var atEnd: Bool { offset == bytes.count }

    public mutating func uint64() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Damaged("truncated at byte \(offset)") }
        let v = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: v)
    }
    public mutating func int() throws -> Int { Int(Int64(bitPattern: try uint64())) }
    /// A count (of elements or bytes) that must fit in what is left of the payload.
    public mutating func count(minimumElementSize: Int = 1) throws -> Int {
        let n = try int()
        guard n >= 0, n <= (bytes.count - offset) / max(1, minimumElementSize) else { throw Damaged("bad count \(n) at byte \(offset)") }
        return n
    }
    public mutating func double() throws -> Double { Double(bitPattern: try uint64()) }
    public mutating func bool() throws -> Bool {
        guard offset < bytes.count else { throw Damaged("truncated at byte \(offset)") }
        defer { offset += 1 }
        switch bytes[offset] {
        case 0: return false
        case 1: return true
        default: throw Damaged("bad flag at byte \(offset)")
        }
    }
    public mutating func string() throws -> String {
        let n = try int()
        if n < 0 {
            let index = -1 - n
            guard index < table.count else { throw Damaged("bad string reference at byte \(offset - 8)") }
            return table[index]
        }
        guard n <= bytes.count - offset else { throw Damaged("bad string length \(n) at byte \(offset - 8)") }
        defer { offset += n }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]), as: UTF8.self)
        table.append(s)
        return s
    }
    /// The next `n` bytes, valid while `storage` is alive (as long as the reader is).
    public mutating func raw(_ n: Int) throws -> UnsafeRawBufferPointer {
        guard n >= 0, bytes.count - offset >= n else { throw Damaged("truncated at byte \(offset)") }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
    }
    /// Skips the zero bytes `BinaryWriter.align` wrote (up to a multiple of `alignment` from
    /// where the writer started).
    public mutating func align(to alignment: Int) throws {
        let pad = (alignment - (offset - origin) % alignment) % alignment
        guard bytes.count - offset >= pad else { throw Damaged("truncated at byte \(offset)") }
        guard (0..<pad).allSatisfy({ bytes[offset + $0] == 0 }) else { throw Damaged("bad padding at byte \(offset)") }
        offset += pad
    }

    public mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }
    public mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }
    public mutating func strings() throws -> [String] { try array { try $0.string() } }
    public mutating func optionalString() throws -> String? { try optional { try $0.string() } }
    /// A raw-value enum case; an unknown value is damage.
    public mutating func enumCase<E: RawRepresentable>(_ type: E.Type) throws -> E where E.RawValue == String {
        let raw = try string()
        guard let v = E(rawValue: raw) else { throw Damaged("unknown \(E.self) `\(raw)`") }
        return v
    }
}
