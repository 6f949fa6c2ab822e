import Foundation

/// The central directory of a zip archive (PKWARE APPNOTE 4.3, zip64 included): each member's
/// name, compression method, sizes, CRC-32 and where its local header starts. Every offset and
/// size is checked against the archive's length before it is used.
struct ZipDirectory {
    struct Entry {
        let path: String
        /// A regular file (not a folder or a symbolic link).
        let isFile: Bool
        let method: UInt16
        let flags: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: UInt64
        let localHeaderOffset: Int
    }

    struct Malformed: Error {}

    /// In archive order.
    let entries: [Entry]
    /// The first entry of each path.
    let byPath: [String: Int]

    init(_ bytes: UnsafeRawBufferPointer) throws {
        let reader = ZipBytes(bytes)
        let end = try Self.endRecord(reader)
        var count = Int(try reader.u16(end + 10))
        var offset = Int(try reader.u32(end + 16))
        if count == 0xFFFF || offset == 0xFFFF_FFFF, end >= 20, try reader.u32(end - 20) == 0x0706_4B50 {
            // zip64: the locator before the end record points at the zip64 end record.
            let record = try reader.int64(end - 20 + 8)
            guard try reader.u32(record) == 0x0606_4B50 else { throw Malformed() }
            count = try reader.int64(record + 32)
            offset = try reader.int64(record + 48)
        }
        var entries: [Entry] = []
        var byPath: [String: Int] = [:]
        var at = offset
        for _ in 0..<count {
            guard try reader.u32(at) == 0x0201_4B50 else { throw Malformed() }
            let nameLength = Int(try reader.u16(at + 28)), extraLength = Int(try reader.u16(at + 30))
            let commentLength = Int(try reader.u16(at + 32))
            let name = try reader.slice(at + 46, nameLength)
            let path = String(decoding: name, as: UTF8.self)
            var compressed = UInt64(try reader.u32(at + 20)), uncompressed = UInt64(try reader.u32(at + 24))
            var local = UInt64(try reader.u32(at + 42))
            try Self.zip64Extra(reader, from: at + 46 + nameLength, length: extraLength,
                                uncompressed: &uncompressed, compressed: &compressed, local: &local)
            guard let compressedSize = Int(exactly: compressed), let localOffset = Int(exactly: local),
                  compressedSize <= reader.count, localOffset <= reader.count else { throw Malformed() }
            let unixMode = try reader.u16(at + 4) >> 8 == 3 ? (try reader.u32(at + 38) >> 16) & 0o170000 : 0
            let isFile = !path.hasSuffix("/") && unixMode != 0o040000 && unixMode != 0o120000
            if byPath[path] == nil { byPath[path] = entries.count }
            entries.append(Entry(path: path, isFile: isFile, method: try reader.u16(at + 10), flags: try reader.u16(at + 8),
                                 crc32: try reader.u32(at + 16), compressedSize: compressedSize, uncompressedSize: uncompressed,
                                 localHeaderOffset: localOffset))
            at += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
        self.byPath = byPath
    }

    /// Where a member's compressed bytes start (after its local header, whose name and extra
    /// field lengths may differ from the central directory's).
    static func dataStart(_ entry: Entry, in bytes: UnsafeRawBufferPointer) throws -> Int {
        let reader = ZipBytes(bytes)
        let at = entry.localHeaderOffset
        guard try reader.u32(at) == 0x0403_4B50 else { throw Malformed() }
        let start = at + 30 + Int(try reader.u16(at + 26)) + Int(try reader.u16(at + 28))
        guard start <= reader.count, entry.compressedSize <= reader.count - start else { throw Malformed() }
        return start
    }

    /// The end of central directory record: the last signature within the 64 KiB comment window.
    private static func endRecord(_ reader: ZipBytes) throws -> Int {
        guard reader.count >= 22 else { throw Malformed() }
        var at = reader.count - 22
        let lowest = max(0, at - 0xFFFF)
        while at >= lowest {
            if try reader.u32(at) == 0x0605_4B50 { return at }
            at -= 1
        }
        throw Malformed()
    }

    /// The zip64 extended information extra field (id 1): the 64-bit values of the fields the
    /// central directory set to 0xFFFFFFFF, in this order.
    private static func zip64Extra(_ reader: ZipBytes, from start: Int, length: Int, uncompressed: inout UInt64,
                                   compressed: inout UInt64, local: inout UInt64) throws {
        var at = start
        while at + 4 <= start + length {
            let id = try reader.u16(at), size = Int(try reader.u16(at + 2))
            if id == 1 {
                var field = at + 4
                if uncompressed == 0xFFFF_FFFF { uncompressed = try reader.u64(field); field += 8 }
                if compressed == 0xFFFF_FFFF { compressed = try reader.u64(field); field += 8 }
                if local == 0xFFFF_FFFF { local = try reader.u64(field) }
                return
            }
            at += 4 + size
        }
    }
}

/// Little-endian reads from an archive's bytes, each bounds-checked.
struct ZipBytes {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
    var count: Int { bytes.count }

    func slice(_ at: Int, _ length: Int) throws -> UnsafeRawBufferPointer {
        guard at >= 0, length >= 0, at <= bytes.count, length <= bytes.count - at else { throw ZipDirectory.Malformed() }
        return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + length)])
    }

    func u16(_ at: Int) throws -> UInt16 {
        let s = try slice(at, 2)
        return UInt16(s[0]) | UInt16(s[1]) << 8
    }

    func u32(_ at: Int) throws -> UInt32 {
        let s = try slice(at, 4)
        return s.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    func u64(_ at: Int) throws -> UInt64 {
        let s = try slice(at, 8)
        return s.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// A 64-bit size or offset that must fit in the archive.
    func int64(_ at: Int) throws -> Int {
        guard let v = Int(exactly: try u64(at)), v <= bytes.count else { throw ZipDirectory.Malformed() }
        return v
    }
}
