/// Pure-Swift planar geometry: the value types that readers produce and that every other
/// layer (GEOS, the point index, GeoJSON and SVG writers) consumes. Coordinates are
/// (x, y) = (longitude, latitude) in degrees unless a projection says otherwise.

public struct Coordinate: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

public struct BoundingBox: Equatable, Sendable {
    public var minX: Double, minY: Double, maxX: Double, maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }

    /// The empty box: union with anything gives that thing.
    public static let empty = BoundingBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)

    public var isEmpty: Bool { minX > maxX || minY > maxY }
    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }

    public func contains(_ c: Coordinate) -> Bool {
        c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY
    }

    public func intersects(_ o: BoundingBox) -> Bool {
        !(o.minX > maxX || o.maxX < minX || o.minY > maxY || o.maxY < minY)
    }

    public mutating func expand(_ c: Coordinate) {
        minX = Swift.min(minX, c.x); minY = Swift.min(minY, c.y)
        maxX = Swift.max(maxX, c.x); maxY = Swift.max(maxY, c.y)
    }

    public func union(_ o: BoundingBox) -> BoundingBox {
        BoundingBox(minX: Swift.min(minX, o.minX), minY: Swift.min(minY, o.minY),
                    maxX: Swift.max(maxX, o.maxX), maxY: Swift.max(maxY, o.maxY))
    }
}

/// A closed ring: the first point equals the last.
public struct Ring: Equatable, Sendable {
    public var points: [Coordinate]

    /// Builds a ring, closing it if the input does not repeat its first point.
    public init(_ points: [Coordinate]) {
        var pts = points
        if let first = pts.first, let last = pts.last, first != last { pts.append(first) }
        self.points = pts
    }

    /// Shoelace signed area: positive for counter-clockwise rings.
    public var signedArea: Double {
        guard points.count >= 4 else { return 0 }
        var sum = 0.0
        for i in 0..<(points.count - 1) {
            let a = points[i], b = points[i + 1]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }

    public var isClockwise: Bool { signedArea < 0 }

    public var bounds: BoundingBox {
        var box = BoundingBox.empty
        for p in points { box.expand(p) }
        return box
    }

    public func reversed() -> Ring { Ring(points.reversed()) }

    /// Even-odd ray casting; points exactly on an edge are not decided here (see PointIndex).
    public func containsByRayCast(_ p: Coordinate) -> Bool {
        var inside = false
        var j = points.count - 1
        for i in 0..<points.count {
            let a = points[i], b = points[j]
            if (a.y > p.y) != (b.y > p.y) {
                let xCross = (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
                if p.x < xCross { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}

public struct Polygon: Equatable, Sendable {
    public var shell: Ring
    public var holes: [Ring]
    public init(shell: Ring, holes: [Ring] = []) { self.shell = shell; self.holes = holes }

    /// Planar area (shell minus holes), in the units of the coordinates squared.
    public var area: Double { abs(shell.signedArea) - holes.reduce(0) { $0 + abs($1.signedArea) } }
    public var bounds: BoundingBox { shell.bounds }
}

public struct MultiPolygon: Equatable, Sendable {
    public var polygons: [Polygon]
    public init(_ polygons: [Polygon]) { self.polygons = polygons }

    public var area: Double { polygons.reduce(0) { $0 + $1.area } }
    public var holeCount: Int { polygons.reduce(0) { $0 + $1.holes.count } }
    public var vertexCount: Int {
        polygons.reduce(0) { acc, p in acc + p.shell.points.count + p.holes.reduce(0) { $0 + $1.points.count } }
    }
    public var bounds: BoundingBox {
        polygons.reduce(BoundingBox.empty) { $0.union($1.bounds) }
    }

    /// Applies `transform` to every coordinate (used for projections).
    public func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> MultiPolygon {
        MultiPolygon(polygons.map { poly in
            Polygon(shell: Ring(poly.shell.points.map(transform)),
                    holes: poly.holes.map { Ring($0.points.map(transform)) })
        })
    }
}
