import Geo287Geometry

/// Douglas–Peucker on one arc, in projected units. An arc keeps its ends and at least its
/// farthest interior vertex, and a closed arc keeps at least three distinct vertices, so no
/// ring built from simplified arcs collapses to a line.
public enum Simplifier {
    /// Indices of the vertices kept, ascending. `forceInterior: false` lets an open arc become
    /// one straight segment (for arcs whose rings have other nodes to hold them open).
    public static func keep(_ pts: [Coordinate], tolerance: Double, forceInterior: Bool = true) -> [Int] {
        let n = pts.count
        if n <= 2 { return Array(0..<n) }
        var kept = [Bool](repeating: false, count: n)
        kept[0] = true
        kept[n - 1] = true
        if pts[0] == pts[n - 1] {
            // Closed: split at the vertex farthest from the start, then simplify both halves.
            var far = 1, best = -1.0
            for i in 1..<(n - 1) {
                let d = squaredDistance(pts[i], pts[0])
                if d > best { best = d; far = i }
            }
            kept[far] = true
            run(pts, 0, far, tolerance * tolerance, &kept, force: true)
            run(pts, far, n - 1, tolerance * tolerance, &kept, force: true)
        } else {
            run(pts, 0, n - 1, tolerance * tolerance, &kept, force: forceInterior)
        }
        return kept.indices.filter { kept[$0] }
    }

    /// Marks the vertices between `first` and `last` that stay; `force` keeps the farthest one
    /// even when it is within tolerance.
    private static func run(_ pts: [Coordinate], _ first: Int, _ last: Int, _ tol2: Double, _ kept: inout [Bool], force: Bool) {
        var stack: [(Int, Int, Bool)] = [(first, last, force)]
        while let (a, b, mustKeep) = stack.popLast() {
            guard b > a + 1 else { continue }
            var far = a + 1, best = -1.0
            for i in (a + 1)..<b {
                let d = segmentDistance2(pts[i], pts[a], pts[b])
                if d > best { best = d; far = i }
            }
            if best > tol2 || mustKeep {
                kept[far] = true
                stack.append((a, far, false))
                stack.append((far, b, false))
            }
        }
    }

    static func squaredDistance(_ p: Coordinate, _ q: Coordinate) -> Double {
        let dx = p.x - q.x, dy = p.y - q.y
        return dx * dx + dy * dy
    }

    /// Squared distance from p to the segment a–b.
    static func segmentDistance2(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        if len2 == 0 { return squaredDistance(p, a) }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2))
        return squaredDistance(p, Coordinate(a.x + t * dx, a.y + t * dy))
    }
}

extension Topology {
    /// Kept vertex indices per arc, simplified once each in the given projected coordinates.
    public static func simplify(projected: [[Coordinate]], tolerance: Double) -> [[Int]] {
        projected.map { tolerance > 0 ? Simplifier.keep($0, tolerance: tolerance) : Array($0.indices) }
    }

    /// Applies kept indices to arcs.
    public static func apply<T>(_ keep: [[Int]], to arcs: [[T]]) -> [[T]] {
        zip(keep, arcs).map { k, arc in k.map { arc[$0] } }
    }
}
