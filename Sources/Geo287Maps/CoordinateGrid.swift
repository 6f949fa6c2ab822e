import Geo287Core
import Geo287Geometry

/// The grid output coordinates are written on: `precision` decimals of a degree, held as
/// integers so that rounding is decided once and every writer (GeoJSON, TopoJSON) and the
/// validity check see the same points. A coordinate that is not a finite number is refused.
public struct CoordinateGrid: Sendable, Equatable {
    public let precision: Int
    public let factor: Double

    public init(precision: Int) {
        self.precision = max(0, min(precision, 12))
        var f = 1.0
        for _ in 0..<self.precision { f *= 10 }
        factor = f
    }

    /// The grid point nearest to `c`; an error naming the value when it is not finite or too large.
    public func point(_ c: Coordinate) throws -> GridPoint {
        let x = (c.x * factor).rounded(), y = (c.y * factor).rounded()
        guard x.isFinite, y.isFinite, abs(x) < 1e15, abs(y) < 1e15 else {
            throw DataError("coordinate (\(c.x), \(c.y))", "is not a finite longitude/latitude; the layer is not written")
        }
        return GridPoint(x: Int(x), y: Int(y))
    }

    public func coordinate(_ p: GridPoint) -> Coordinate { Coordinate(Double(p.x) / factor, Double(p.y) / factor) }

    /// A line on the grid without repeated consecutive points.
    public func line(_ pts: [Coordinate]) throws -> [GridPoint] {
        var q: [GridPoint] = []
        q.reserveCapacity(pts.count)
        for c in pts {
            let p = try point(c)
            if q.last != p { q.append(p) }
        }
        return q
    }

    /// A ring on the grid, closed (first point repeated), in the asked orientation; nil when it
    /// collapses (fewer than three distinct points or no area).
    public func ring(_ pts: [Coordinate], counterClockwise: Bool) throws -> [GridPoint]? {
        GridPoint.oriented(try line(pts), counterClockwise: counterClockwise)
    }

    /// A polygon layer shape on the grid with exteriors counter-clockwise, holes clockwise and
    /// collapsed rings (and polygons whose exterior collapses) dropped.
    public func shape(_ m: MultiPolygon) throws -> [[[GridPoint]]] {
        var out: [[[GridPoint]]] = []
        for p in m.polygons {
            guard let shell = try ring(p.shell.points, counterClockwise: true) else { continue }
            out.append([shell] + (try p.holes.compactMap { try ring($0.points, counterClockwise: false) }))
        }
        return out
    }

    /// A grid shape back as coordinates (for GEOS).
    public func multiPolygon(_ shape: [[[GridPoint]]]) -> MultiPolygon {
        MultiPolygon(shape.compactMap { rings in
            guard let shell = rings.first else { return nil }
            return Polygon(shell: Ring(shell.map(coordinate)), holes: rings.dropFirst().map { Ring($0.map(coordinate)) })
        })
    }
}

/// A point of a `CoordinateGrid`, in grid units.
public struct GridPoint: Hashable, Sendable {
    public let x: Int, y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }

    /// Twice the signed area of an open or closed ring (positive: counter-clockwise).
    public static func twiceArea(_ q: [GridPoint]) -> Double {
        guard let o = q.first else { return 0 }   // relative to the first point: small, exact products
        var s = 0.0
        for i in 0..<q.count {
            let a = q[i], b = q[(i + 1) % q.count]
            s += Double(a.x - o.x) * Double(b.y - o.y) - Double(b.x - o.x) * Double(a.y - o.y)
        }
        return s
    }

    /// The ring closed and turned the asked way; nil when degenerate.
    static func oriented(_ line: [GridPoint], counterClockwise: Bool) -> [GridPoint]? {
        var q = line
        if q.count > 1, q.first == q.last { q.removeLast() }
        guard q.count >= 3 else { return nil }
        let area = twiceArea(q)
        guard area != 0 else { return nil }
        if (area > 0) != counterClockwise { q.reverse() }
        q.append(q[0])
        return q
    }
}
