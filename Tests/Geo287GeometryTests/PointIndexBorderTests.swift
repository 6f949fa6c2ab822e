import Foundation
@testable import Geo287Geometry
import Geo287TestSupport
import Testing

/// Points exactly on county borders, in holes, in multi-part and antimeridian counties: the grid
/// index must answer as GEOS prepared `covers` does under the border rule (lowest index covering).
@Suite struct PointIndexBorderTests {
    /// Every vertex and every edge midpoint of every ring of the given polygons.
    private func borderPoints(_ polygons: [MultiPolygon]) -> (xs: [Double], ys: [Double], vertexCount: Int) {
        var xs = [Double](), ys = [Double]()
        for multi in polygons {
            for polygon in multi.polygons {
                for ring in [polygon.shell] + polygon.holes { for p in ring.points { xs.append(p.x); ys.append(p.y) } }
            }
        }
        let vertices = xs.count
        for multi in polygons {
            for polygon in multi.polygons {
                for ring in [polygon.shell] + polygon.holes {
                    for (a, b) in zip(ring.points, ring.points.dropFirst()) {
                        xs.append((a.x + b.x) / 2); ys.append((a.y + b.y) / 2)
                    }
                }
            }
        }
        return (xs, ys, vertices)
    }

    @Test func sharedBorderVerticesAndMidpoints() throws {
        let all = CountyFixture.polygons
        try #require(all.count == 3235)
        // Every 4th county: about 60k vertices and as many midpoints.
        let sample = stride(from: 0, to: all.count, by: 4).map { all[$0] }
        let (xs, ys, vertexCount) = borderPoints(sample)
        let reference = try CountyFixture.compare(xs, ys)
        // A vertex is on its own county's boundary: it belongs to that county or to a neighbour
        // of lower index (GEOID) whose boundary it is on too; never to none.
        var owner: [Int] = []
        for i in stride(from: 0, to: all.count, by: 4) {
            let n = all[i].polygons.reduce(0) { $0 + ([$1.shell] + $1.holes).reduce(0) { $0 + $1.points.count } }
            owner += Array(repeating: i, count: n)
        }
        try #require(owner.count == vertexCount)
        #expect((0..<vertexCount).allSatisfy { reference[$0] >= 0 && Int(reference[$0]) <= owner[$0] })
        #expect((0..<vertexCount).contains { Int(reference[$0]) < owner[$0] })  // shared borders exist
    }

    @Test func countiesWithHoles() throws {
        let all = CountyFixture.polygons
        let withHoles = all.indices.filter { all[$0].holeCount > 0 }
        #expect(withHoles.count >= 10)
        var xs = [Double](), ys = [Double]()
        var rng = SplitMix64(state: 11)
        for i in withHoles {
            for polygon in all[i].polygons {
                for hole in polygon.holes {
                    let box = hole.bounds
                    for _ in 0..<400 {
                        xs.append(Double.random(in: box.minX...box.maxX, using: &rng))
                        ys.append(Double.random(in: box.minY...box.maxY, using: &rng))
                    }
                }
            }
        }
        let (bx, by, _) = borderPoints(withHoles.map { all[$0] })
        let reference = try CountyFixture.compare(xs + bx, ys + by)
        #expect(reference.contains { $0 == -1 } && reference.contains { $0 >= 0 })
    }

    @Test func multiPartCounties() throws {
        let all = CountyFixture.polygons
        let multi = all.indices.filter { all[$0].polygons.count > 1 }
        #expect(multi.count > 100)
        var xs = [Double](), ys = [Double]()
        var rng = SplitMix64(state: 13)
        for i in multi {
            for polygon in all[i].polygons {
                let box = polygon.bounds
                for _ in 0..<20 {
                    xs.append(Double.random(in: box.minX...box.maxX, using: &rng))
                    ys.append(Double.random(in: box.minY...box.maxY, using: &rng))
                }
            }
        }
        _ = try CountyFixture.compare(xs, ys)
    }

    @Test func aleutiansWestAcrossTheAntimeridian() throws {
        let features = CountyFixture.features
        let index = try #require(features.firstIndex { $0.string("GEOID") == "02016" })
        let county = features[index].geometry
        let east = county.polygons.filter { $0.bounds.minX > 0 }
        let west = county.polygons.filter { $0.bounds.maxX < 0 }
        #expect(!east.isEmpty && !west.isEmpty)
        var xs = [Double](), ys = [Double]()
        var rng = SplitMix64(state: 17)
        for polygon in county.polygons {
            let box = polygon.bounds
            for _ in 0..<200 {
                xs.append(Double.random(in: box.minX...box.maxX, using: &rng))
                ys.append(Double.random(in: box.minY...box.maxY, using: &rng))
            }
        }
        for _ in 0..<20_000 {  // both sides of ±180 and the gap between
            let x = Double.random(in: 170.0...180.0, using: &rng)
            xs.append(Bool.random(using: &rng) ? x : -x)
            ys.append(Double.random(in: 50.0...58.0, using: &rng))
        }
        let (bx, by, _) = borderPoints([county])
        let reference = try CountyFixture.compare(xs + bx, ys + by)
        let hits = xs.indices.filter { reference[$0] == Int32(index) }
        #expect(hits.contains { xs[$0] > 0 } && hits.contains { xs[$0] < 0 })
    }
}
