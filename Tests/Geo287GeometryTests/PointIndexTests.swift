import Foundation
import Geo287TestSupport
import Geo287Census
@testable import Geo287Geometry
import Testing

/// The county layer and both engines over it, loaded once for all point-index tests.
enum CountyFixture {
    static let path = ReferenceData.root.path("census/counties/cb_2024_us_county_5m.shp")
    static let features: [Feature] = (try? ShapefileReader.read(path).features) ?? []
    static let polygons: [MultiPolygon] = features.map(\.geometry)
    static let index: PointIndex? = try? PointIndex(polygons: polygons)
    static let geos = GEOSPointLocator(polygons: polygons)

    static func geoid(_ i: Int32) -> String { i < 0 ? "none" : features[Int(i)].string("GEOID") ?? "?" }

    /// Grid and GEOS answers for the points; records the first differences.
    static func compare(_ xs: [Double], _ ys: [Double], threads: Int = 2,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> [Int32] {
        let index = try #require(index, sourceLocation: sourceLocation)
        let grid = try index.locateAll(xs: xs, ys: ys, threads: threads)
        let reference = try geos.locateAll(xs: xs, ys: ys, threads: threads)
        #expect(grid.count == xs.count, sourceLocation: sourceLocation)
        let differences = (0..<Swift.min(grid.count, reference.count)).filter { grid[$0] != reference[$0] }
        let sample = differences.prefix(5).map { i in
            "(\(xs[i]), \(ys[i])): grid \(geoid(grid[i])), GEOS \(geoid(reference[i]))"
        }
        #expect(differences.isEmpty, "\(differences.count) of \(xs.count) differ: \(sample)", sourceLocation: sourceLocation)
        return reference
    }
}

@Suite struct PointIndexTests {
    @Test func squareWithHoleFollowsTheBorderRule() throws {
        let shell = Ring([Coordinate(0, 0), Coordinate(10, 0), Coordinate(10, 10), Coordinate(0, 10)])
        let hole = Ring([Coordinate(4, 4), Coordinate(4, 6), Coordinate(6, 6), Coordinate(6, 4)])
        let right = Ring([Coordinate(10, 0), Coordinate(20, 0), Coordinate(20, 10), Coordinate(10, 10)])
        let polygons = [MultiPolygon([Polygon(shell: shell, holes: [hole])]), MultiPolygon([Polygon(shell: right)])]
        let index = try PointIndex(polygons: polygons, options: .init(topCellCount: 4))
        #expect(index.locate(Coordinate(1, 1)) == 0)
        #expect(index.locate(Coordinate(15, 5)) == 1)
        #expect(index.locate(Coordinate(5, 5)) == nil)      // in the hole
        // The border rule: a boundary point belongs to the lowest index among those covering it.
        #expect(index.locate(Coordinate(4, 5)) == 0)        // on the hole's edge
        #expect(index.locate(Coordinate(6, 6)) == 0)        // a hole vertex
        #expect(index.locate(Coordinate(10, 5)) == 0)       // the shared edge
        #expect(index.locate(Coordinate(10, 10)) == 0)      // a shared vertex
        #expect(index.locate(Coordinate(0, 0)) == 0)        // a corner of the whole box
        #expect(index.locate(Coordinate(20, 10)) == 1)      // the far corner: only polygon 1
        #expect(index.locate(Coordinate(15, 0)) == 1)       // on the box's bottom edge
        #expect(index.locate(Coordinate(-1, 5)) == nil)
        #expect(index.locate(Coordinate(10.000000000000002, 5)) == 1)
        #expect(index.locate(Coordinate(9.999999999999998, 5)) == 0)
        #expect(index.locate(Coordinate(.nan, 5)) == nil)
        // The same points through GEOS.
        let xs = [1, 15, 5, 4, 6, 10, 10, 0, -1, 10.000000000000002, 9.999999999999998, 3.999999999999999, 20, 15]
        let ys = [1, 5, 5, 5, 6, 5, 10, 0, 5, 5, 5, 5.0, 10, 0]
        let reference = try GEOSPointLocator(polygons: polygons).locateAll(xs: xs, ys: ys)
        #expect(try index.locateAll(xs: xs, ys: ys, threads: 2) == reference)
    }

    @Test func orientationIsExact() {
        #expect(orientSign(1, 1, 3, 3, 2, 2) == 0)
        #expect(orientSign(1, 1, 3, 3, 2, 2.0.nextUp) == 1)
        #expect(orientSign(1, 1, 3, 3, 2, 2.0.nextDown) == -1)
        // 0.1 + k·ε steps along a line through large coordinates: the filter cannot decide.
        let a = (-100.1, 40.3), b = (-100.1 + 1e-9, 40.3 + 2e-9)
        let c = (a.0 + 3e-9, a.1 + 6e-9)
        #expect(orientSign(a.0, a.1, b.0, b.1, c.0, c.1) == exactOrientSign(a.0, a.1, b.0, b.1, c.0, c.1))
        #expect(exactOrientSign(0.5, 0.5, 12, 12, 24, 24) == 0)
        #expect(exactOrientSign(0, 0, 1e-300, 0, 0, 1e-10) == 1)
    }

    @Test func randomLower48PointsMatchGEOS() throws {
        var rng = SplitMix64(state: 287)
        let n = 200_000
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(n); ys.reserveCapacity(n)
        for _ in 0..<n {
            xs.append(Double.random(in: -125.0...(-66.0), using: &rng))
            ys.append(Double.random(in: 24.0...50.0, using: &rng))
        }
        let reference = try CountyFixture.compare(xs, ys)
        let found = reference.filter { $0 >= 0 }.count
        #expect(found > n / 2, "only \(found) points in a county")
    }

    @Test func twoThreadsEqualOneThread() throws {
        let index = try #require(CountyFixture.index)
        var rng = SplitMix64(state: 7)
        let xs = (0..<50_001).map { _ in Double.random(in: -180.0...180.0, using: &rng) }
        let ys = (0..<50_001).map { _ in Double.random(in: -15.0...72.0, using: &rng) }
        let one = try index.locateAll(xs: xs, ys: ys, threads: 1)
        #expect(try index.locateAll(xs: xs, ys: ys, threads: 2) == one)
        #expect(try index.locateAll(xs: xs, ys: ys, threads: 3) == one)
        #expect(try CountyFixture.geos.locateAll(xs: Array(xs.prefix(5_000)), ys: Array(ys.prefix(5_000)), threads: 2)
            == Array(one.prefix(5_000)))
        #expect(try index.locateAll(xs: [], ys: [], threads: 2).isEmpty)
        for i in stride(from: 0, to: 1_000, by: 1) { #expect(index.locate(Coordinate(xs[i], ys[i])).map(Int32.init) ?? -1 == one[i]) }
    }
}
