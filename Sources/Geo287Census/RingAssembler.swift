import Geo287Geometry

/// Turns the rings of a shapefile record into polygons with holes. Shapefile rule: outer
/// rings are clockwise, holes counter-clockwise. Each hole goes to the smallest shell that
/// contains it; a hole with no shell is kept as a polygon of its own.
enum RingAssembler {
    static func assemble(_ rings: [Ring]) -> MultiPolygon {
        var shells: [(ring: Ring, area: Double, box: BoundingBox, holes: [Ring])] = []
        var holes: [Ring] = []
        for r in rings {
            if r.isClockwise {
                shells.append((r, abs(r.signedArea), r.bounds, []))
            } else {
                holes.append(r)
            }
        }
        if shells.isEmpty {
            // Wrongly wound file: treat every ring as a shell.
            return MultiPolygon(holes.map { Polygon(shell: $0) })
        }
        var orphans: [Ring] = []
        for h in holes {
            let probe = h.points[0]
            let hb = h.bounds
            var best: (index: Int, area: Double)?
            for (i, s) in shells.enumerated() where s.box.contains(probe)
                && s.box.minX <= hb.minX && s.box.maxX >= hb.maxX && s.box.minY <= hb.minY && s.box.maxY >= hb.maxY
                && s.ring.containsByRayCast(interiorProbe(of: h)) {
                if s.area < best?.area ?? .infinity { best = (i, s.area) }
            }
            if let b = best { shells[b.index].holes.append(h) } else { orphans.append(h) }
        }
        return MultiPolygon(shells.map { Polygon(shell: $0.ring, holes: $0.holes) } + orphans.map { Polygon(shell: $0.reversed()) })
    }

    /// A point just inside the hole's first edge, to avoid testing a vertex the shell shares.
    static func interiorProbe(of ring: Ring) -> Coordinate {
        let a = ring.points[0], b = ring.points[1]
        return Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2)
    }
}
