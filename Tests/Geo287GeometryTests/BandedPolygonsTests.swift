import Foundation
import Geo287Core
@testable import Geo287Geometry
import Geo287TestSupport
import Testing

/// The banded index (places of `lookup --points`) answers as GEOS prepared `covers` under the
/// border rule: lowest index covering, boundary included, holes excluded.
@Suite struct BandedPolygonsTests {
    @Test func squareWithHoleAndNeighbour() throws {
        let shell = Ring([Coordinate(0, 0), Coordinate(10, 0), Coordinate(10, 10), Coordinate(0, 10)])
        let hole = Ring([Coordinate(4, 4), Coordinate(4, 6), Coordinate(6, 6), Coordinate(6, 4)])
        let right = Ring([Coordinate(10, 0), Coordinate(20, 0), Coordinate(20, 10), Coordinate(10, 10)])
        let index = try BandedPolygons(polygons: [MultiPolygon([Polygon(shell: shell, holes: [hole])]), MultiPolygon([Polygon(shell: right)])])
        let cases: [(Double, Double, Int32)] = [
            (2, 2, 0), (5, 5, -1), (4, 5, 0), (6, 6, 0), (10, 5, 0), (10, 10, 0), (15, 5, 1), (20, 10, 1),
            (20, 5, 1), (15, 0, 1), (0, 0, 0), (-1, 5, -1), (21, 5, -1), (5, 10.000001, -1), (9.999999, 4, 0),
        ]
        for (x, y, want) in cases { #expect(index.locate(x, y) == want, "(\(x), \(y))") }
    }

    @Test func countiesAgreeWithGEOSOnBordersAndInside() throws {
        let all = CountyFixture.polygons
        try #require(all.count == 3235)
        let index = try BandedPolygons(polygons: all)
        // Every vertex and edge midpoint of every 8th county (points on shared borders belong to
        // the lower GEOID), and random points over the lower 48 and Alaska.
        var xs: [Double] = [], ys: [Double] = []
        for multi in stride(from: 0, to: all.count, by: 8).map({ all[$0] }) {
            for polygon in multi.polygons {
                for ring in [polygon.shell] + polygon.holes {
                    for (a, b) in zip(ring.points, ring.points.dropFirst()) {
                        xs += [a.x, (a.x + b.x) / 2]
                        ys += [a.y, (a.y + b.y) / 2]
                    }
                }
            }
        }
        var state: UInt64 = 18
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = Double(state >> 11) / Double(1 << 53)
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let v = Double(state >> 11) / Double(1 << 53)
            xs.append(-170 + 106 * u)
            ys.append(24 + 48 * v)
        }
        let reference = try CountyFixture.geos.locateAll(xs: xs, ys: ys, threads: 2)
        let banded = xs.indices.map { index.locate(xs[$0], ys[$0]) }
        let differences = xs.indices.filter { banded[$0] != reference[$0] }
        #expect(differences.isEmpty, "\(differences.count) of \(xs.count) differ, first: \(differences.prefix(3).map { "(\(xs[$0]), \(ys[$0])) \(banded[$0]) vs \(reference[$0])" })")
        #expect(reference.filter { $0 >= 0 }.count > 30_000)
    }
}

/// The index as kept in the derived cache: decoded, it answers exactly as built; damaged, it is
/// refused before `locate` could index out of bounds.
@Suite struct BandedPolygonsCodingTests {
    static func encoded(_ index: BandedPolygons) -> [UInt8] {
        var w = BinaryWriter()
        index.encode(into: &w)
        return w.bytes
    }

    @Test func decodedIndexAnswersAsBuilt() throws {
        let all = CountyFixture.polygons
        let index = try BandedPolygons(polygons: all)
        let bytes = Self.encoded(index)
        var r = BinaryReader(bytes)
        let decoded = try BandedPolygons(decoding: &r)
        #expect(r.atEnd && decoded.polygonCount == 3_235)
        // Every vertex of every 5th county (borders) and 50,000 random points.
        var points: [(Double, Double)] = []
        for multi in stride(from: 0, to: all.count, by: 5).map({ all[$0] }) {
            for polygon in multi.polygons { points += polygon.shell.points.map { ($0.x, $0.y) } }
        }
        var state: UInt64 = 287
        for _ in 0..<50_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = Double(state >> 11) / Double(1 << 53)
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            points.append((-170 + 106 * u, 24 + 48 * Double(state >> 11) / Double(1 << 53)))
        }
        let built = points.map { index.locate($0.0, $0.1) }
        #expect(points.map { decoded.locate($0.0, $0.1) } == built)
        #expect(built.filter { $0 >= 0 }.count > 40_000)
        // Encoding is deterministic: the decoded index encodes to the same bytes.
        #expect(Self.encoded(decoded) == bytes)
    }

    @Test func damagedEncodingsAreRefused() throws {
        let square = MultiPolygon([Polygon(shell: Ring([Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1), Coordinate(0, 0)]))])
        let index = try BandedPolygons(polygons: [square, square])
        let bytes = Self.encoded(index)
        // Every truncation throws.
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            var r = BinaryReader(Array(bytes.prefix(cut)))
            #expect(throws: (any Error).self, "cut at \(cut)") { _ = try BandedPolygons(decoding: &r) }
        }
        // Offsets that point outside their tables: an edge past the last vertex, a band start
        // past the edges, a cell naming a polygon that does not exist.
        func tampered(edges: [Int32]? = nil, bandStarts: [Int32]? = nil, cells: [Int32]? = nil) -> BandedPolygons {
            BandedPolygons(xs: index.xs, ys: index.ys, boxes: index.boxes, firstBand: index.firstBand, bandCount: index.bandCount,
                           bandY0: index.bandY0, bandInv: index.bandInv, bandEdgeStart: bandStarts.map(NumberTable.init) ?? index.bandEdgeStart,
                           bandEdges: edges.map(NumberTable.init) ?? index.bandEdges, grid: index.grid, nx: index.nx, ny: index.ny, invW: index.invW,
                           invH: index.invH, cellStart: index.cellStart, cellPolygons: cells ?? index.cellPolygons)
        }
        let bad = [tampered(edges: index.bandEdges.array.map { _ in Int32(index.xs.count - 1) }),
                   tampered(bandStarts: index.bandEdgeStart.array.map { $0 + 1 }),
                   tampered(cells: index.cellPolygons.map { _ in 2 })]
        for (n, damaged) in bad.enumerated() {
            var r = BinaryReader(Self.encoded(damaged))
            #expect(throws: BinaryReader.Damaged.self, "case \(n)") { _ = try BandedPolygons(decoding: &r) }
        }
        var r = BinaryReader(bytes)
        #expect(try BandedPolygons(decoding: &r).locate(0.5, 0.5) == 0)
    }
}
