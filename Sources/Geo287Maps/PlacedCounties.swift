import Geo287Census
import Geo287Geometry

/// Counties cut into shared arcs, projected zone by zone, placed on the page and simplified
/// once per arc (in pixels: the tolerance is given in metres at the main zone's scale).
public struct PlacedCounties {
    public let counties: [County]
    public let topology: Topology
    /// Simplified arcs in page pixels.
    public let arcs: [[Coordinate]]
    public let zones: [MapZone]
    public let transforms: [MapZone: Affine]
    /// Projected bounds of each zone (metres).
    public let zoneBounds: [MapZone: BoundingBox]

    /// `crs` gives each zone's projection (default: the zone's own; a state map passes its
    /// `StateProjection`).
    public init(_ counties: [County], toleranceMetres: Double, mainZone: MapZone, crs: (MapZone) -> String = { $0.crs },
                layout: ([MapZone: BoundingBox]) -> [MapZone: Affine]) throws {
        self.counties = counties
        let topology = Topology(counties.map(\.geometry))
        let featureZones = counties.map { MapZone(stateFIPS: $0.stateFIPS) }
        let arcZones = ZoneProjector.arcZones(topology, featureZones: featureZones)
        let metres = try ZoneProjector.project(arcs: topology.arcs, zones: arcZones, crs: crs)
        var bounds: [MapZone: BoundingBox] = [:]
        for (arc, zone) in zip(metres, arcZones) {
            var b = bounds[zone] ?? .empty
            for c in arc { b.expand(c) }
            bounds[zone] = b
        }
        let transforms = layout(bounds)
        let pixels = zip(metres, arcZones).map { arc, zone in
            let t = transforms[zone] ?? Affine(scale: 0, tx: -1000, ty: -1000)
            return arc.map(t.apply)
        }
        let tolerancePx = toleranceMetres * (transforms[mainZone]?.scale ?? 0)
        let keep = Topology.simplify(projected: pixels, tolerance: tolerancePx)
        self.topology = topology
        self.arcs = Topology.apply(keep, to: pixels)
        self.zones = featureZones
        self.transforms = transforms
        self.zoneBounds = bounds
    }

    /// One county as SVG path data; rings under `minArea` square pixels made only of the
    /// county's own edges (specks of islands) are left out unless nothing else would remain.
    public func pathData(_ feature: Int, minArea: Double = 0.3) -> String {
        var rings: [([Coordinate], Bool)] = []
        for polygon in topology.features[feature] {
            for refs in polygon {
                let pts = Topology.ring(refs, arcs: arcs)
                let own = refs.allSatisfy { topology.arcUses[$0 >= 0 ? $0 : ~$0].count == 1 }
                rings.append((pts, own && PathData.area(pts) < minArea))
            }
        }
        let keepAll = rings.allSatisfy { $0.1 }
        var d = ""
        for (pts, speck) in rings where keepAll || !speck { PathData.appendRing(pts, to: &d) }
        return d
    }

    /// One county's polygons in page pixels (from the simplified arcs).
    public func pixelShape(_ feature: Int) -> MultiPolygon {
        MultiPolygon(topology.features[feature].compactMap { rings in
            let built = rings.map { Ring(Topology.ring($0, arcs: arcs)) }
            guard let shell = built.first, shell.points.count >= 4 else { return nil }
            return Polygon(shell: shell, holes: Array(built.dropFirst()))
        })
    }

    /// Arcs that separate two states (drawn as state borders).
    public func stateBorderArcs() -> [Int] {
        arcs.indices.filter { i in
            let states = Set(topology.arcUses[i].map { counties[$0].stateFIPS })
            return states.count > 1
        }
    }

    /// Arcs on the edge of the whole layer (coasts and national borders), without specks.
    public func outlineArcs(minArea: Double = 0.3) -> [Int] {
        arcs.indices.filter { i in
            guard topology.arcUses[i].count == 1 else { return false }
            let a = arcs[i]
            return a.first != a.last || PathData.area(a) >= minArea
        }
    }

    /// The given arcs as one open-line path.
    public func linePath(_ ids: [Int]) -> String {
        var d = ""
        for i in ids { PathData.appendLine(arcs[i], to: &d) }
        return d
    }
}
