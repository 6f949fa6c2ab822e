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

    /// Miami-Dade and Broward: after simplification the vertices each keeps on their common
    /// border are the same points.
    @Test func sharedBorderSimplifiedIdenticallyOnBothSides() throws {
        let f = try Fixture.get()
        let a = try #require(f.gazetteer.countyByGEOID["12086"]), b = try #require(f.gazetteer.countyByGEOID["12011"])
        let fl = f.gazetteer.counties(inState: "12")
        let simplified = try TopologySimplifier.simplify(fl.map(\.geometry), zones: fl.map { _ in .conus }, toleranceMetres: 2000)
        let ia = try #require(fl.firstIndex { $0.geoid == a.geoid }), ib = try #require(fl.firstIndex { $0.geoid == b.geoid })
        func points(_ m: MultiPolygon) -> Set<Coordinate> { Set(m.polygons.flatMap { ([$0.shell] + $0.holes).flatMap(\.points) }) }
        let origA = points(a.geometry), origB = points(b.geometry)
        let sharedOriginal = origA.intersection(origB)
        let keptA = points(simplified[ia]).intersection(origB), keptB = points(simplified[ib]).intersection(origA)
        #expect(sharedOriginal.count > 10)
        #expect(keptA == keptB)
        #expect(keptA.count >= 2 && keptA.count < sharedOriginal.count)
        #expect(points(simplified[ia]).count < origA.count)
    }
}
