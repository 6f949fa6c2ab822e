import Geo287Geometry

/// Polygons cut into shared arcs, the way TopoJSON and mapshaper do it: a border between two
/// neighbours is stored once, so simplifying it once keeps both sides identical (no gaps, no
/// slivers). Rings are cut at nodes: vertices where three or more rings meet or where a ring's
/// neighbour changes (a vertex seen with two different pairs of adjacent vertices).
public struct Topology: Sendable {
    /// Arc vertices, node to node; a ring without nodes is one closed arc (first == last).
    public let arcs: [[Coordinate]]
    /// Per feature, per polygon, per ring (shell first): arc references, `~i` for arc i reversed.
    public let features: [[[[Int]]]]
    /// Per arc, the features whose rings use it (one entry per use).
    public let arcUses: [[Int]]

    public init(_ shapes: [MultiPolygon]) {
        let rings = shapes.map { m in m.polygons.map { p in ([p.shell] + p.holes).map { Topology.openRing($0.points) } } }
        let nodes = Topology.findNodes(rings)
        var builder = ArcBuilder()
        var features: [[[[Int]]]] = []
        features.reserveCapacity(rings.count)
        for (f, polygons) in rings.enumerated() {
            features.append(polygons.map { ringsOfPolygon in
                ringsOfPolygon.map { builder.cut($0, nodes: nodes, feature: f) }
            })
        }
        arcs = builder.arcs
        arcUses = builder.uses
        self.features = features
    }

    /// The points of an arc reference in the ring's direction.
    public static func points<T>(_ ref: Int, in arcs: [[T]]) -> [T] {
        ref >= 0 ? arcs[ref] : arcs[~ref].reversed()
    }

    /// A closed ring (first point repeated at the end) from its arc references.
    public static func ring<T>(_ refs: [Int], arcs: [[T]]) -> [T] {
        var out: [T] = []
        for (k, ref) in refs.enumerated() {
            let pts = points(ref, in: arcs)
            out.append(contentsOf: k == 0 ? pts[...] : pts.dropFirst())
        }
        return out
    }

    /// Ring points without the closing duplicate and without repeated consecutive points.
    static func openRing(_ points: [Coordinate]) -> [Coordinate] {
        var out: [Coordinate] = []
        out.reserveCapacity(points.count)
        for p in points where out.last != p { out.append(p) }
        while out.count > 1, out.first == out.last { out.removeLast() }
        return out
    }

    /// Vertices that are nodes: seen with more than one pair of neighbours.
    static func findNodes(_ rings: [[[[Coordinate]]]]) -> Set<Coordinate> {
        var seen: [Coordinate: NeighbourPair] = [:]
        var nodes = Set<Coordinate>()
        for ring in rings.joined().joined() {
            let n = ring.count
            guard n >= 3 else { continue }
            for i in 0..<n {
                let pair = NeighbourPair(ring[(i + n - 1) % n], ring[(i + 1) % n])
                if let old = seen[ring[i]] {
                    if old != pair { nodes.insert(ring[i]) }
                } else {
                    seen[ring[i]] = pair
                }
            }
        }
        return nodes
    }
}

/// The two neighbours of a vertex, unordered.
struct NeighbourPair: Equatable {
    let a: Coordinate, b: Coordinate
    init(_ p: Coordinate, _ q: Coordinate) {
        if coordinateLess(p, q) { a = p; b = q } else { a = q; b = p }
    }
}

func coordinateLess(_ p: Coordinate, _ q: Coordinate) -> Bool { p.x < q.x || (p.x == q.x && p.y < q.y) }

/// Cuts rings at nodes and interns each arc once, in a canonical direction.
struct ArcBuilder {
    var arcs: [[Coordinate]] = []
    var uses: [[Int]] = []
    private var index: [[Coordinate]: Int] = [:]

    mutating func cut(_ ring: [Coordinate], nodes: Set<Coordinate>, feature: Int) -> [Int] {
        let n = ring.count
        guard n >= 3 else { return [] }
        let cuts = (0..<n).filter { nodes.contains(ring[$0]) }
        guard let firstCut = cuts.first else {
            // No node: one closed arc, started at its smallest vertex so both users agree.
            var start = 0
            for i in 1..<n where coordinateLess(ring[i], ring[start]) { start = i }
            let rotated = Array(ring[start...] + ring[..<start]) + [ring[start]]
            return [intern(rotated, feature: feature)]
        }
        var refs: [Int] = []
        for (k, s) in cuts.enumerated() {
            var e = k + 1 < cuts.count ? cuts[k + 1] : firstCut
            if e <= s { e += n }
            refs.append(intern((s...e).map { ring[$0 % n] }, feature: feature))
        }
        return refs
    }

    private mutating func intern(_ pts: [Coordinate], feature: Int) -> Int {
        let reverse = ArcBuilder.shouldReverse(pts)
        let key = reverse ? Array(pts.reversed()) : pts
        let i: Int
        if let found = index[key] {
            i = found
        } else {
            i = arcs.count
            arcs.append(key)
            uses.append([])
            index[key] = i
        }
        uses[i].append(feature)
        return reverse ? ~i : i
    }

    /// Canonical direction: from the smaller end; closed arcs by their second vertex.
    static func shouldReverse(_ pts: [Coordinate]) -> Bool {
        guard let first = pts.first, let last = pts.last else { return false }
        if first != last { return coordinateLess(last, first) }
        guard pts.count >= 3 else { return false }
        return coordinateLess(pts[pts.count - 2], pts[1])
    }
}
