import Geo287Geometry

/// Simplification that keeps shared borders shared: shapes are cut into arcs, each arc is
/// simplified once (Douglas–Peucker in metres, in its zone's projection) and the shapes are
/// rebuilt from the simplified arcs, still in longitude/latitude.
public enum TopologySimplifier {
    public static func simplify(_ shapes: [MultiPolygon], zones: [MapZone], toleranceMetres: Double) throws -> [MultiPolygon] {
        guard toleranceMetres > 0 else { return shapes }
        let topology = Topology(shapes)
        let arcZones = ZoneProjector.arcZones(topology, featureZones: zones)
        let metres = try ZoneProjector.project(arcs: topology.arcs, zones: arcZones)
        let keep = Topology.simplify(projected: metres, tolerance: toleranceMetres)
        let arcs = Topology.apply(keep, to: topology.arcs)
        return topology.features.map { polygons in
            MultiPolygon(polygons.compactMap { rings -> Polygon? in
                let built = rings.map { Ring(Topology.ring($0, arcs: arcs)) }
                guard let shell = built.first, shell.points.count >= 4 else { return nil }
                return Polygon(shell: shell, holes: built.dropFirst().filter { $0.points.count >= 4 })
            })
        }
    }

    /// One shape on its own (places, which are overlays and share no borders in a layer).
    public static func simplifyAlone(_ shape: MultiPolygon, zone: MapZone, toleranceMetres: Double) throws -> MultiPolygon {
        guard toleranceMetres > 0, !shape.polygons.isEmpty else { return shape }
        let metres = try ProjTransformer(from: ProjTransformer.nad83, to: zone.crs).transform(shape)
        func ring(_ r: Ring, _ m: Ring) -> Ring {
            Ring(Simplifier.keep(m.points, tolerance: toleranceMetres).map { r.points[$0] })
        }
        return MultiPolygon(zip(shape.polygons, metres.polygons).map { p, m in
            Polygon(shell: ring(p.shell, m.shell), holes: zip(p.holes, m.holes).map { ring($0, $1) })
        })
    }
}
