import Geo287Core

/// Exact point-in-polygon for many polygons with many vertices each, such as the Census places
/// of a state (Texas: 1,700 places, 1.3 M vertices), in little more memory than the vertices.
///
/// **The rule** is `PointIndex`'s and GEOS prepared `covers`' (`BorderRule`): `locate` returns
/// the lowest index whose polygon covers the point (interior or boundary); all rings of a
/// multi-part polygon count together (even-odd).
///
/// **How.** A coarse grid over the polygons' bounding boxes gives the candidates of a point (in
/// ascending order). Each polygon's edges are sorted into horizontal bands of its bounding box
/// (about four edges per band), so the crossing test of a point reads only the edges of its
/// band: the parity of the edges a ray to +x crosses, each crossing decided by the exact
/// orientation predicate (`orientSign`), and a point on an edge found exactly. A band is picked
/// by a monotone function of y, so every edge whose y-range holds the point's y is in its band.
/// Where `PointIndex` copies every edge into the cells it crosses (40 bytes each), this keeps the
/// vertices once (16 bytes) and a 4-byte edge number per band; immutable, so threads share it.
///
/// The four large tables (vertices, band starts, band edges) are `NumberTable`s: decoded from a
/// derived cache entry, they stay in the mapped file instead of being copied.
public final class BandedPolygons: Sendable {
    let xs: NumberTable<Double>, ys: NumberTable<Double>
    let boxes: [BoundingBox]
    /// Per polygon: its first band in `bandEdgeStart`, its band count, bottom and 1/band height.
    let firstBand: [Int32], bandCount: [Int32]
    let bandY0: [Double], bandInv: [Double]
    /// Per band (plus one end): where its edges start in `bandEdges`; an edge is the index of its
    /// first vertex in `xs`/`ys` (the second is the next one).
    let bandEdgeStart: NumberTable<Int32>
    let bandEdges: NumberTable<Int32>
    /// The candidate grid over the union of the boxes.
    let grid: BoundingBox
    let nx: Int, ny: Int
    let invW: Double, invH: Double
    let cellStart: [Int32]
    let cellPolygons: [Int32]

    public let polygonCount: Int

    /// Throws when the input is too large for 32-bit offsets (over 2³¹ vertices or edges).
    public init(polygons: [MultiPolygon]) throws {
        var xs: [Double] = [], ys: [Double] = []
        var rings: [Range<Int>] = []          // vertex ranges of every ring
        var ringsOf: [Range<Int>] = []        // per polygon: its rings in `rings`
        var boxes: [BoundingBox] = []
        xs.reserveCapacity(polygons.reduce(0) { $0 + $1.vertexCount })
        ys.reserveCapacity(xs.capacity)
        for multi in polygons {
            let first = rings.count
            var box = BoundingBox.empty
            for polygon in multi.polygons {
                for h in -1..<polygon.holes.count {
                    let points = h < 0 ? polygon.shell.points : polygon.holes[h].points
                    guard points.count >= 2 else { continue }
                    let start = xs.count
                    for p in points {
                        xs.append(p.x)
                        ys.append(p.y)
                        box.expand(p)
                    }
                    rings.append(start..<xs.count)
                }
            }
            ringsOf.append(first..<rings.count)
            boxes.append(box)
        }
        guard xs.count < Int(Int32.max) / 2 else { throw GeometryError.invalidInput("BandedPolygons: \(xs.count) vertices, over the 32-bit limit") }
        polygonCount = polygons.count
        self.boxes = boxes

        // Per polygon: about four edges per band, over its box's height.
        var firstBand = [Int32](), bandCount = [Int32](), bandY0 = [Double](), bandInv = [Double]()
        var bandTotal = 0
        for (p, r) in ringsOf.enumerated() {
            let edges = rings[r].reduce(0) { $0 + $1.count - 1 }
            let n = Swift.max(1, Swift.min(4096, edges / 4))
            firstBand.append(Int32(clamping: bandTotal))
            bandCount.append(Int32(n))
            bandTotal += n
            let box = boxes[p]
            bandY0.append(box.minY)
            bandInv.append(box.height > 0 && box.height.isFinite ? Double(n) / box.height : 0)
        }
        // Per polygon: count its edges per band, then place them (edges with a non-finite end are
        // left out); bands are laid out polygon after polygon.
        var starts: [Int32] = [], bandEdges: [Int32] = []
        starts.reserveCapacity(bandTotal + 1)
        bandEdges.reserveCapacity(xs.count + xs.count / 2)
        for (p, r) in ringsOf.enumerated() {
            let n = Int(bandCount[p]), y0 = bandY0[p], inv = bandInv[p]
            var position = [Int](repeating: 0, count: n + 1)
            func eachEdge(_ body: (Int, Int, Int) -> Void) {   // (edge, first band, last band)
                xs.withUnsafeBufferPointer { x in
                    ys.withUnsafeBufferPointer { y in
                        for ring in rings[r] {
                            for k in ring.lowerBound..<(ring.upperBound - 1) {
                                let ya = y[k], yb = y[k + 1]
                                guard x[k].isFinite, ya.isFinite, x[k + 1].isFinite, yb.isFinite else { continue }
                                body(k, Self.band(Swift.min(ya, yb), y0, inv, n), Self.band(Swift.max(ya, yb), y0, inv, n))
                            }
                        }
                    }
                }
            }
            position.withUnsafeMutableBufferPointer { count in
                eachEdge { _, lo, hi in for b in lo...hi { count[b + 1] += 1 } }
                for b in 0..<n { count[b + 1] += count[b] }
            }
            let base = bandEdges.count
            guard base + position[n] < Int(Int32.max) else { throw GeometryError.invalidInput("BandedPolygons: over 2³¹ band edges") }
            for b in 0..<n { starts.append(Int32(base + position[b])) }
            bandEdges += repeatElement(0, count: position[n])
            bandEdges.withUnsafeMutableBufferPointer { edges in
                position.withUnsafeMutableBufferPointer { next in
                    eachEdge { k, lo, hi in
                        for b in lo...hi {
                            edges[base + next[b]] = Int32(k)
                            next[b] += 1
                        }
                    }
                }
            }
        }
        starts.append(Int32(bandEdges.count))
        self.xs = NumberTable(xs)
        self.ys = NumberTable(ys)
        self.firstBand = firstBand; self.bandCount = bandCount; self.bandY0 = bandY0; self.bandInv = bandInv
        bandEdgeStart = NumberTable(starts)
        self.bandEdges = NumberTable(bandEdges)

        // Candidate grid: about four cells per polygon, at most 2¹⁶ cells.
        var union = BoundingBox.empty
        for b in boxes where !b.isEmpty && b.minX.isFinite && b.maxX.isFinite && b.minY.isFinite && b.maxY.isFinite {
            union.expand(Coordinate(b.minX, b.minY)); union.expand(Coordinate(b.maxX, b.maxY))
        }
        grid = union
        let cells = Double(Swift.min(1 << 16, Swift.max(1, 4 * polygons.count)))
        let aspect = union.isEmpty || union.height <= 0 ? 1 : Swift.max(1e-3, Swift.min(1e3, union.width / union.height))
        nx = union.isEmpty ? 1 : Swift.max(1, Swift.min(1 << 12, Int((cells * aspect).squareRoot().rounded(.up))))
        ny = union.isEmpty ? 1 : Swift.max(1, Swift.min(1 << 12, Int((cells / aspect).squareRoot().rounded(.up))))
        invW = union.width > 0 ? Double(nx) / union.width : 0
        invH = union.height > 0 ? Double(ny) / union.height : 0
        var lists = [[Int32]](repeating: [], count: nx * ny)
        if !union.isEmpty {
            for (p, b) in boxes.enumerated() where !b.isEmpty && b.minX.isFinite && b.maxX.isFinite && b.minY.isFinite && b.maxY.isFinite {
                for j in Self.band(b.minY, union.minY, invH, ny)...Self.band(b.maxY, union.minY, invH, ny) {
                    for i in Self.band(b.minX, union.minX, invW, nx)...Self.band(b.maxX, union.minX, invW, nx) {
                        lists[j * nx + i].append(Int32(p))
                    }
                }
            }
        }
        var cellStart: [Int32] = [0]
        var cellPolygons: [Int32] = []
        for l in lists {
            cellPolygons += l
            cellStart.append(Int32(clamping: cellPolygons.count))
        }
        self.cellStart = cellStart
        self.cellPolygons = cellPolygons
    }

    /// Every table given (`init(decoding:)`, which checks them first).
    init(xs: NumberTable<Double>, ys: NumberTable<Double>, boxes: [BoundingBox], firstBand: [Int32], bandCount: [Int32],
         bandY0: [Double], bandInv: [Double], bandEdgeStart: NumberTable<Int32>, bandEdges: NumberTable<Int32>,
         grid: BoundingBox, nx: Int, ny: Int, invW: Double, invH: Double, cellStart: [Int32], cellPolygons: [Int32]) {
        self.xs = xs; self.ys = ys; self.boxes = boxes
        self.firstBand = firstBand; self.bandCount = bandCount; self.bandY0 = bandY0; self.bandInv = bandInv
        self.bandEdgeStart = bandEdgeStart; self.bandEdges = bandEdges
        self.grid = grid; self.nx = nx; self.ny = ny; self.invW = invW; self.invH = invH
        self.cellStart = cellStart; self.cellPolygons = cellPolygons
        polygonCount = boxes.count
    }

    /// The band (or cell) of `v` among `n` from `v0` with 1/width `inv`: monotone in `v`, so an
    /// edge (or box) from y0 to y1 spans every band of a y between them.
    @inline(__always)
    static func band(_ v: Double, _ v0: Double, _ inv: Double, _ n: Int) -> Int {
        let f = (v - v0) * inv
        guard f > 0 else { return 0 }
        return f < Double(n) ? Swift.min(n - 1, Int(f)) : n - 1
    }

    /// The lowest index of a polygon covering (x, y), or -1 for none.
    public func locate(_ x: Double, _ y: Double) -> Int32 {
        guard !grid.isEmpty, x >= grid.minX, x <= grid.maxX, y >= grid.minY, y <= grid.maxY else { return -1 }
        let cell = Self.band(y, grid.minY, invH, ny) * nx + Self.band(x, grid.minX, invW, nx)
        for n in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
            let p = Int(cellPolygons[n])
            let b = boxes[p]
            if x >= b.minX, x <= b.maxX, y >= b.minY, y <= b.maxY, covers(p, x, y) { return Int32(p) }
        }
        return -1
    }

    /// Whether polygon `p` covers (px, py), a point inside its bounding box.
    func covers(_ p: Int, _ px: Double, _ py: Double) -> Bool {
        let b = Int(firstBand[p]) + Self.band(py, bandY0[p], bandInv[p], Int(bandCount[p]))
        var inside = false
        for n in Int(bandEdgeStart[b])..<Int(bandEdgeStart[b + 1]) {
            let k = Int(bandEdges[n])
            let ax = xs[k], ay = ys[k], bx = xs[k + 1], by = ys[k + 1]
            if (ay > py) != (by > py) {
                // The edge spans py (half-open at its top): on it, or crossed by the ray to +x.
                let o = orientSign(ax, ay, bx, by, px, py)
                if o == 0 { return true }
                if (o > 0) == (by > ay) { inside.toggle() }
            } else if ay == py || by == py {
                // An end at py (or a horizontal edge on it): on the edge only if collinear and between.
                if orientSign(ax, ay, bx, by, px, py) == 0, px >= Swift.min(ax, bx), px <= Swift.max(ax, bx) { return true }
            }
        }
        return inside
    }
}
