import Geo287Geometry

/// Simplification of shapes that share no borders (places); shapes that do (counties) go
/// through `ValidLayer`, which simplifies their shared arcs once and keeps them valid.
public enum TopologySimplifier {
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
