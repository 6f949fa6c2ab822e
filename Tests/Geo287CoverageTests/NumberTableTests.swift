import Foundation
@testable import Geo287Core
@testable import Geo287Geometry
import Geo287TestSupport
import Testing

/// `NumberTable`: large tables read in place from what `BinaryReader` reads (a mapped cache
/// entry), copied only when misaligned there; the padding that aligns them is checked.
@Suite struct NumberTableTests {
    static let doubles: [Double] = [1.5, -2, .pi, -0.0, 1e300]
    static let int32s: [Int32] = [1, -2, .max, .min, 0, 7]

    /// An int, a flag (so the tables start at an odd offset), both tables, then a string.
    static func encoded() -> [UInt8] {
        var w = BinaryWriter()
        w.int(7); w.bool(true)
        w.table(NumberTable(doubles)); w.table(NumberTable(int32s)); w.string("end")
        return w.bytes
    }

    static func read(_ r: inout BinaryReader) throws -> (NumberTable<Double>, NumberTable<Int32>) {
        guard try r.int() == 7, try r.bool() else { throw BinaryReader.Damaged("start differs") }
        let d = try r.table(Double.self), i = try r.table(Int32.self)
        guard try r.string() == "end", r.atEnd else { throw BinaryReader.Damaged("end differs") }
        return (d, i)
    }

    @Test func alignedTablesAreReadInPlace() throws {
        var r = BinaryReader(Self.encoded())
        let (d, i) = try Self.read(&r)
        #expect(d.array.map(\.bitPattern) == Self.doubles.map(\.bitPattern) && i.array == Self.int32s)
        #expect(d.storage === r.storage && i.storage === r.storage)
        #expect(Int(bitPattern: d.elements.baseAddress) % 8 == 0)
    }

    /// The writer's bytes 4 bytes into the storage: the padding is still found (it counts from
    /// where the writer started), and the doubles, misaligned there, are copied.
    @Test func misalignedTablesAreCopiedAndEqual() throws {
        var r = BinaryReader(ByteStorage(copying: [9, 9, 9, 9] + Self.encoded()), offset: 4)
        let (d, i) = try Self.read(&r)
        #expect(d.array.map(\.bitPattern) == Self.doubles.map(\.bitPattern) && i.array == Self.int32s)
        #expect(d.storage !== r.storage)
        #expect(i.storage === r.storage)   // 4-aligned is enough for Int32
    }

    @Test func damagedTablesThrow() throws {
        let bytes = Self.encoded()
        for cut in 0..<bytes.count {   // every truncation
            var r = BinaryReader(Array(bytes.prefix(cut)))
            #expect(throws: BinaryReader.Damaged.self, "cut at \(cut)") { _ = try Self.read(&r) }
        }
        var padded = bytes
        padded[20] = 1   // a padding byte (the doubles' count ends at byte 17, their elements start at 24)
        var r = BinaryReader(padded)
        #expect(throws: BinaryReader.Damaged.self) { _ = try Self.read(&r) }
        var huge = bytes
        huge.replaceSubrange(9..<17, with: withUnsafeBytes(of: Int64(1 << 40).littleEndian, Array.init))
        var h = BinaryReader(huge)
        #expect(throws: BinaryReader.Damaged.self) { _ = try Self.read(&h) }
    }

    /// An entry is mapped; where a file system cannot map it, it is read into a copy, which must
    /// be whole: a file shorter than its size said is refused, not padded.
    @Test func aFileIsMappedOrReadWhole() throws {
        let s = try DerivedCacheTests.Scratch("x")
        let path = s.dir.appendingPathComponent("bytes.bin").path
        let bytes = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let mapped = try #require(ByteStorage.mapping(file: path))
        #expect(Array(mapped.bytes) == bytes)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let read = try #require(ByteStorage.reading(fd, size: bytes.count))
        #expect(Array(read.bytes) == bytes)
        lseek(fd, 0, SEEK_SET)
        #expect(ByteStorage.reading(fd, size: bytes.count + 1) == nil)
        #expect(ByteStorage.mapping(file: s.dir.path) == nil)   // a folder
        #expect(ByteStorage.mapping(file: path + ".missing") == nil)
    }

    /// Through the derived cache: a place index read back from its entry keeps its vertices in
    /// the mapped file (payload 16-aligned in it) and answers as built.
    @Test func cachedIndexKeepsItsTablesInTheMappedEntry() throws {
        let s = try DerivedCacheTests.Scratch("squares")
        func square(_ x: Double) -> MultiPolygon {
            MultiPolygon([Polygon(shell: Ring([Coordinate(x, 0), Coordinate(x + 1, 0), Coordinate(x + 1, 1), Coordinate(x, 1), Coordinate(x, 0)]))])
        }
        var builds = 0
        func index() throws -> BandedPolygons {
            try s.cache.value(kind: "squares", format: 1, inputs: [s.input], encode: { v, w in v.encode(into: &w) },
                              decode: { try BandedPolygons(decoding: &$0) },
                              build: { builds += 1; return try BandedPolygons(polygons: [square(0), square(2)]) })
        }
        let built = try index(), decoded = try index()
        #expect(builds == 1)
        let points = [(0.5, 0.5), (2.5, 0.5), (1.5, 0.5), (2, 1), (3.01, 0.5)]
        #expect(points.map { decoded.locate($0.0, $0.1) } == [0, 1, -1, 1, -1])
        #expect(points.map { decoded.locate($0.0, $0.1) } == points.map { built.locate($0.0, $0.1) })
        let entry = try #require(s.entries.first)
        let size = try #require(FileManager.default.attributesOfItem(atPath: entry)[.size] as? NSNumber).intValue
        // The decoded vertices live in a mapping of the entry's size, not in a copy.
        #expect(decoded.xs.storage.bytes.count == size && decoded.bandEdges.storage === decoded.xs.storage)
        #expect(built.xs.storage !== decoded.xs.storage)
    }
}
