import Geo287Geometry

/// RFC 7946 geometry text: coordinates rounded to a fixed number of decimals, exterior rings
/// counter-clockwise and holes clockwise (decided on the rounded coordinates), no repeated
/// points, and rings that collapse under rounding dropped.
public struct GeoJSONGeometryWriter {
    public let precision: Int
    private let factor: Double
    /// Bounds of everything written so far.
    public private(set) var bounds = BoundingBox.empty

    public init(precision: Int) {
        self.precision = max(0, min(precision, 12))
        var f = 1.0
        for _ in 0..<self.precision { f *= 10 }
        factor = f
    }

    /// `null`, a Polygon or a MultiPolygon.
    public mutating func geometry(_ shape: MultiPolygon) -> String {
        var polygons: [[[(Int, Int)]]] = []
        for p in shape.polygons {
            guard let shell = orient(p.shell, counterClockwise: true) else { continue }
            polygons.append([shell] + p.holes.compactMap { orient($0, counterClockwise: false) })
        }
        guard !polygons.isEmpty else { return "null" }
        for poly in polygons {
            for (x, y) in poly[0] {
                bounds.expand(Coordinate(Double(x) / factor, Double(y) / factor))
            }
        }
        var s = polygons.count == 1 ? "{\"type\":\"Polygon\",\"coordinates\":" : "{\"type\":\"MultiPolygon\",\"coordinates\":["
        for (i, poly) in polygons.enumerated() {
            if i > 0 { s += "," }
            s += "["
            for (k, ring) in poly.enumerated() {
                if k > 0 { s += "," }
                s += "["
                for (j, (x, y)) in ring.enumerated() {
                    if j > 0 { s += "," }
                    s += "[" + SVGText.fixed(x, decimals: precision) + "," + SVGText.fixed(y, decimals: precision) + "]"
                }
                s += "]"
            }
            s += "]"
        }
        return s + (polygons.count == 1 ? "}" : "]}")
    }

    /// The ring in integer units, closed, in the asked orientation; nil when degenerate or
    /// when a coordinate is not a finite number an `Int` can hold (the shapefile reader refuses
    /// those; this keeps the writer from trapping whatever it is given).
    func orient(_ ring: Ring, counterClockwise: Bool) -> [(Int, Int)]? {
        var q: [(Int, Int)] = []
        q.reserveCapacity(ring.points.count)
        for p in ring.points {
            guard let x = Int(exactly: (p.x * factor).rounded()), let y = Int(exactly: (p.y * factor).rounded()) else { return nil }
            let c = (x, y)
            if let last = q.last, last == c { continue }
            q.append(c)
        }
        if q.count > 1, let f = q.first, let l = q.last, f == l { q.removeLast() }
        guard q.count >= 3 else { return nil }
        var twiceArea = 0.0
        let o = q[0]   // relative to the first point: small, exact products
        for i in 0..<q.count {
            let a = q[i], b = q[(i + 1) % q.count]
            twiceArea += Double(a.0 - o.0) * Double(b.1 - o.1) - Double(b.0 - o.0) * Double(a.1 - o.1)
        }
        guard twiceArea != 0 else { return nil }
        if (twiceArea > 0) != counterClockwise { q.reverse() }
        q.append(q[0])
        return q
    }

    /// `[west, south, east, north]` of everything written, at the same precision.
    public func bboxJSON() -> String {
        guard !bounds.isEmpty else { return "null" }
        return "[" + [bounds.minX, bounds.minY, bounds.maxX, bounds.maxY]
            .map { SVGText.number($0, decimals: precision) }.joined(separator: ",") + "]"
    }
}
