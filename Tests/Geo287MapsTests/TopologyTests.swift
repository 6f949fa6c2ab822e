import Foundation
import Geo287Geometry
import Geo287Maps
import Testing

@Suite struct TopologyTests {
    static func square(_ x: Double, _ y: Double, _ size: Double = 1) -> MultiPolygon {
        MultiPolygon([Polygon(shell: Ring([Coordinate(x, y), Coordinate(x, y + size), Coordinate(x + size, y + size),
                                           Coordinate(x + size, y)]))])
    }

    @Test func sharedEdgeBecomesOneArcUsedTwice() {
        let t = Topology([Self.square(0, 0), Self.square(1, 0)])
        let shared = t.arcs.indices.filter { t.arcUses[$0].count == 2 }
        #expect(shared.count == 1)
        #expect(Set(t.arcs[shared[0]]) == [Coordinate(1, 0), Coordinate(1, 1)])
        // Reassembled rings give back every original vertex.
        for f in 0..<2 {
            let ring = Topology.ring(t.features[f][0][0], arcs: t.arcs)
            #expect(ring.first == ring.last && ring.count == 5)
        }
    }

    @Test func enclaveRingIsOneClosedArc() {
        let outer = MultiPolygon([Polygon(shell: Self.square(0, 0, 4).polygons[0].shell, holes: [Self.square(1, 1).polygons[0].shell])])
        let t = Topology([outer, Self.square(1, 1)])
        let closed = t.arcs.indices.filter { t.arcs[$0].first == t.arcs[$0].last && t.arcUses[$0].count == 2 }
        #expect(closed.count == 1)
    }

    @Test func closedArcKeepsATriangle() {
        let circle = (0..<64).map { i -> Coordinate in
            let a = Double(i) / 64 * 2 * Double.pi
            return Coordinate(cos(a), sin(a))
        }
        let keep = Simplifier.keep(circle + [circle[0]], tolerance: 100)
        #expect(keep.count >= 4)
    }

    /// Miami-Dade and Broward: after simplification and rounding their common border is the
    /// same points on both sides, so they neither overlap nor leave a gap.
    @Test func sharedBorderSimplifiedIdenticallyOnBothSides() throws {
        let f = try Fixture.get()
        let fl = f.gazetteer.counties(inState: "12")
        let layer = try ValidLayer(fl.map(\.geometry), zones: fl.map { _ in .conus }, names: fl.map(\.geoid),
                                   toleranceMetres: 2000, precision: 6)
        let ia = try #require(fl.firstIndex { $0.geoid == "12086" }), ib = try #require(fl.firstIndex { $0.geoid == "12011" })
        func points(_ s: [[[GridPoint]]]) -> Set<GridPoint> { Set(s.joined().joined()) }
        func original(_ i: Int) throws -> Set<GridPoint> { points(try layer.grid.shape(fl[i].geometry)) }
        let shared = points(layer.shapes[ia]).intersection(points(layer.shapes[ib]))
        let sharedOriginal = try original(ia).intersection(try original(ib))
        #expect(sharedOriginal.count > 10)
        #expect(shared.count >= 2 && shared.count < sharedOriginal.count && shared.isSubset(of: sharedOriginal))
        let geos = try GEOSContext()
        let a = try geos.geometry(layer.grid.multiPolygon(layer.shapes[ia])), b = try geos.geometry(layer.grid.multiPolygon(layer.shapes[ib]))
        #expect(try a.intersection(b).area() < 1e-12)
        #expect(try a.intersects(b))
        #expect(points(layer.shapes[ia]).count < (try original(ia)).count)
    }
}
