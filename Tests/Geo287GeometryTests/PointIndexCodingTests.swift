import Foundation
import Geo287Core
@testable import Geo287Geometry
import Geo287TestSupport
import Testing

/// The county index as kept in the derived cache (`bulk-county-index`): decoded, it answers
/// exactly as built; damaged, it is refused before `locate` could read out of bounds or answer
/// a polygon that does not exist.
@Suite struct PointIndexCodingTests {
    static func encoded(_ index: PointIndex) -> [UInt8] {
        var w = BinaryWriter()
        index.encode(into: &w)
        return w.bytes
    }

    @Test func decodedIndexAnswersAsBuilt() throws {
        let all = CountyFixture.polygons
        let index = try #require(CountyFixture.index)
        let bytes = Self.encoded(index)
        var r = BinaryReader(bytes)
        let decoded = try PointIndex(decoding: &r)
        #expect(r.atEnd && decoded.polygonCount == 3_235)
        // Every vertex of every 5th county (borders) and 50,000 random points over the lower 48
        // and Alaska.
        var xs: [Double] = [], ys: [Double] = []
        for multi in stride(from: 0, to: all.count, by: 5).map({ all[$0] }) {
            for polygon in multi.polygons {
                xs += polygon.shell.points.map(\.x)
                ys += polygon.shell.points.map(\.y)
            }
        }
        var state: UInt64 = 287
        for _ in 0..<50_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            xs.append(-170 + 106 * Double(state >> 11) / Double(1 << 53))
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            ys.append(24 + 48 * Double(state >> 11) / Double(1 << 53))
        }
        let built = try index.locateAll(xs: xs, ys: ys, threads: 2)
        #expect(try decoded.locateAll(xs: xs, ys: ys, threads: 2) == built)
        #expect(built.filter { $0 >= 0 }.count > 40_000)
        // Encoding is deterministic: the decoded index encodes to the same bytes.
        #expect(Self.encoded(decoded) == bytes)
    }

    @Test func damagedEncodingsAreRefused() throws {
        let shell = Ring([Coordinate(0, 0), Coordinate(10, 0), Coordinate(10, 10), Coordinate(0, 10), Coordinate(0, 0)])
        let right = Ring([Coordinate(10, 0), Coordinate(20, 0), Coordinate(20, 10), Coordinate(10, 10), Coordinate(10, 0)])
        let index = try PointIndex(polygons: [MultiPolygon([Polygon(shell: shell)]), MultiPolygon([Polygon(shell: right)])],
                                   options: .init(topCellCount: 4))
        let t = index.tables
        try #require(!t.mixed.isEmpty && !t.edges.isEmpty && !t.subgrids.isEmpty)
        let bytes = Self.encoded(index)
        // Every truncation throws.
        for cut in stride(from: 0, to: bytes.count, by: 5) {
            var r = BinaryReader(Array(bytes.prefix(cut)))
            #expect(throws: (any Error).self, "cut at \(cut)") { _ = try PointIndex(decoding: &r) }
        }
        // Codes and offsets outside their tables: a top cell naming a polygon that does not
        // exist and one naming a subgrid past the last, a subgrid reaching past the fine codes,
        // a mixed cell's edges past the last edge, an edge slot past its cell's candidates, a
        // candidate that is no polygon, a cell size that overflows the grid.
        func tampered(_ change: (inout PointIndexTables) -> Void) -> PointIndex {
            var copy = t
            change(&copy)
            return PointIndex(tables: copy, polygonCount: 2)
        }
        let bad = [
            tampered { $0.topCodes[0] = 2 },
            tampered { $0.topCodes[0] = Int32(-2 - $0.subgrids.count) },
            tampered { $0.subgrids[0].base = Int32($0.fineCodes.count) },
            tampered { $0.mixed[0].edgeStart = Int32($0.edges.count) },
            tampered { $0.edges[0].slot = 64 },
            tampered { $0.polys[0] = 2 },
            tampered { $0.invCellW = .infinity },
        ]
        for (n, damaged) in bad.enumerated() {
            var r = BinaryReader(Self.encoded(damaged))
            #expect(throws: BinaryReader.Damaged.self, "case \(n)") { _ = try PointIndex(decoding: &r) }
        }
        var r = BinaryReader(bytes)
        let decoded = try PointIndex(decoding: &r)
        #expect(decoded.locate(Coordinate(5, 5)) == 0 && decoded.locate(Coordinate(15, 5)) == 1 && decoded.locate(Coordinate(25, 5)) == nil)
    }
}
