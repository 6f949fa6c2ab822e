import Geo287Core
import Geo287Geometry

/// Turns the rings of a shapefile record into polygons with holes. Shapefile rule: outer
/// rings are clockwise, holes counter-clockwise. Each hole goes to the smallest shell that
/// contains it; a hole with no shell is kept as a polygon of its own.
enum RingAssembler {
    /// The largest coordinate magnitude a record may hold: degrees and projected metres are
    /// far below it, so every later conversion (SVG, GeoJSON, grid cells) stays in range.
    static let coordinateLimit = 1e9

    /// The rings of one polygon record, each part's points given by `point(v)` for v in its
    /// range, checked: every coordinate finite and within `coordinateLimit`, and at least one
    /// ring of 4 or more points (a ring shorter than that is dropped, as shapefile readers do).
    /// A record that is not a null shape but has no usable ring is an error naming it.
    static func rings(parts: [Range<Int>], vertexCount: Int, record i: Int, reportedPath: String,
                      point: (Int) -> Coordinate) throws -> MultiPolygon {
        var rings: [Ring] = []
        for (p, range) in parts.enumerated() {
            var pts: [Coordinate] = []
            pts.reserveCapacity(range.count + 1)
            for v in range {
                let c = point(v)
                guard c.x.isFinite, c.y.isFinite, abs(c.x) <= coordinateLimit, abs(c.y) <= coordinateLimit else {
                    throw DataError(reportedPath, "record \(i + 1) part \(p + 1) has an impossible coordinate (\(c.x), \(c.y))")
                }
                pts.append(c)
            }
            let ring = Ring(pts)
            if ring.points.count >= 4 { rings.append(ring) }
        }
        guard !rings.isEmpty else {
            throw DataError(reportedPath, "record \(i + 1) is a polygon with no ring of 4 or more points (\(vertexCount) point\(vertexCount == 1 ? "" : "s"))")
        }
        return assemble(rings)
    }

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
