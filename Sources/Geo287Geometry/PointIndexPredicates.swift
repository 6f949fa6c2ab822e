/// Exact planar predicates for the point index.
///
/// `orientSign(a, b, c)` is the sign of the cross product (b − a) × (c − a), computed exactly for
/// any finite doubles: a fast floating-point filter (Shewchuk's `orient2d` error bound A) decides
/// almost every case, and the rare near-degenerate ones are settled by an exact expansion sum of
/// the six products (each split exactly with a fused multiply-add). +1: c is left of a→b
/// (counter-clockwise), −1: right, 0: the three points are collinear.
@inline(__always)
func orientSign(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int {
    let detLeft = (ax - cx) * (by - cy)
    let detRight = (ay - cy) * (bx - cx)
    let det = detLeft - detRight
    let detSum: Double
    if detLeft > 0 {
        if detRight <= 0 { return signOf(det) }
        detSum = detLeft + detRight
    } else if detLeft < 0 {
        if detRight >= 0 { return signOf(det) }
        detSum = -detLeft - detRight
    } else {
        return signOf(det)
    }
    // (3 + 16ε)ε with ε = 2^-53 (Shewchuk, ccwerrboundA).
    let errBound = 3.3306690738754716e-16 * detSum
    if det >= errBound || -det >= errBound { return signOf(det) }
    return exactOrientSign(ax, ay, bx, by, cx, cy)
}

@inline(__always)
private func signOf(_ v: Double) -> Int { v > 0 ? 1 : (v < 0 ? -1 : 0) }

/// The exact sign of ax·by − ax·cy − by·cx − ay·bx + ay·cx + bx·cy: each product is split into
/// an exact (high, low) pair and all twelve terms are summed into a non-overlapping expansion
/// (Shewchuk's Grow-Expansion with zero elimination); the largest component carries the sign.
@inline(never)
func exactOrientSign(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int {
    var expansion = Expansion()
    expansion.addProduct(ax, by)
    expansion.addProduct(-ax, cy)
    expansion.addProduct(-by, cx)
    expansion.addProduct(-ay, bx)
    expansion.addProduct(ay, cx)
    expansion.addProduct(bx, cy)
    return expansion.sign
}

/// A non-overlapping expansion of at most 16 doubles, smallest magnitude first.
private struct Expansion {
    private var parts = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    private var count = 0

    mutating func addProduct(_ x: Double, _ y: Double) {
        let high = x * y
        let low = (-high).addingProduct(x, y)  // fused: exact remainder of the product
        add(low)
        add(high)
    }

    /// Grow-Expansion: adds one double, keeping only non-zero components. Twelve additions
    /// never need more than twelve components, within the sixteen stored.
    mutating func add(_ value: Double) {
        var q = value
        var kept = 0
        withUnsafeMutableBytes(of: &parts) { raw in
            let e = raw.bindMemory(to: Double.self)
            for i in 0..<count {
                let s = q + e[i]
                let bv = s - q
                let err = (q - (s - bv)) + (e[i] - bv)
                if err != 0 { e[kept] = err; kept += 1 }
                q = s
            }
            if q != 0 { e[kept] = q; kept += 1 }
        }
        count = kept
    }

    var sign: Int {
        guard count > 0 else { return 0 }
        var copy = parts
        return withUnsafeBytes(of: &copy) { raw in signOf(raw.load(fromByteOffset: (count - 1) * 8, as: Double.self)) }
    }
}

/// True when c lies on the closed segment a–b (exactly).
@inline(__always)
func onSegment(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Bool {
    cx >= Swift.min(ax, bx) && cx <= Swift.max(ax, bx) && cy >= Swift.min(ay, by) && cy <= Swift.max(ay, by)
        && orientSign(ax, ay, bx, by, cx, cy) == 0
}

/// Whether the segment p→q crosses the edge a–b, under a consistent tie rule: a vertex exactly on
/// the line pq counts as lying on its right side (as if the segment were moved an infinitesimal
/// distance to the left). Neither p nor q may lie on the edge. With this rule the number of
/// crossings of p→q with a closed ring is odd exactly when p and q are on different sides of it.
@inline(__always)
func segmentCrossesEdge(_ px: Double, _ py: Double, _ qx: Double, _ qy: Double,
                        _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Bool {
    let sa = orientSign(px, py, qx, qy, ax, ay) > 0
    let sb = orientSign(px, py, qx, qy, bx, by) > 0
    guard sa != sb else { return false }
    return (orientSign(ax, ay, bx, by, px, py) > 0) != (orientSign(ax, ay, bx, by, qx, qy) > 0)
}
