import Geo287Geometry

/// Well-known binary (ISO/OGC simple features), little-endian: every shape is written as a
/// MultiPolygon (type 6) of Polygons (type 3), each ring as its point count and (x, y) doubles,
/// exterior ring first. GeoParquet's WKB column and GeoPackage's blobs (after their header) carry it.
public enum WKB {
    public static func multiPolygon(_ m: MultiPolygon) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(9 + m.polygons.count * 9 + m.vertexCount * 16 + (m.polygons.count + m.holeCount) * 4)
        header(6, count: m.polygons.count, into: &out)
        for p in m.polygons {
            header(3, count: 1 + p.holes.count, into: &out)
            for ring in [p.shell] + p.holes {
                ParquetPage.littleEndian(UInt32(truncatingIfNeeded: ring.points.count), into: &out)
                for c in ring.points {
                    ParquetPage.littleEndian(c.x.bitPattern, into: &out)
                    ParquetPage.littleEndian(c.y.bitPattern, into: &out)
                }
            }
        }
        return out
    }

    static func header(_ type: UInt32, count: Int, into out: inout [UInt8]) {
        out.append(1)
        ParquetPage.littleEndian(type, into: &out)
        ParquetPage.littleEndian(UInt32(truncatingIfNeeded: count), into: &out)
    }
}
