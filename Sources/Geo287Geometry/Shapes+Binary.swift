import Geo287Core

/// Polygons in `DerivedCache` tables: each ring as a count and its coordinates' bit patterns,
/// so a decoded polygon is the one encoded, coordinate for coordinate.
extension MultiPolygon {
    public func encode(to w: inout BinaryWriter) {
        w.array(polygons) { w, p in
            p.shell.encode(to: &w)
            w.array(p.holes) { w, h in h.encode(to: &w) }
        }
    }

    public static func decode(from r: inout BinaryReader) throws -> MultiPolygon {
        MultiPolygon(try r.array { r in Polygon(shell: try Ring.decode(from: &r), holes: try r.array { try Ring.decode(from: &$0) }) })
    }
}

extension Ring {
    func encode(to w: inout BinaryWriter) {
        w.array(points) { w, c in w.double(c.x); w.double(c.y) }
    }

    static func decode(from r: inout BinaryReader) throws -> Ring {
        let n = try r.count(minimumElementSize: 16)
        var points: [Coordinate] = []
        points.reserveCapacity(n)
        for _ in 0..<n { points.append(Coordinate(try r.double(), try r.double())) }
        var ring = Ring([])
        ring.points = points   // exactly as encoded (the initializer would close an open ring)
        return ring
    }
}
