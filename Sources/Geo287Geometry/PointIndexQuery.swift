/// The point query over `PointIndexView`: two table look-ups for most points, exact crossing
/// parity for points in mixed cells; a point exactly on an edge is covered (`BorderRule`).
extension PointIndexView {
    @inline(__always)
    func locate(_ x: Double, _ y: Double) -> Int32 {
        // Points outside the overall bounding box are in no polygon (NaN too); its edge can be.
        guard x >= t.minX, x <= t.maxX, y >= t.minY, y <= t.maxY else { return -1 }
        let i = Swift.min(Int((x - t.minX) * t.invCellW), t.nx - 1)
        let j = Swift.min(Int((y - t.minY) * t.invCellH), t.ny - 1)
        let top = topCodes[j &* t.nx &+ i]
        if top >= -1 { return top }
        let g = subgrids[Int(-2 - top)]
        let k = Int(g.k)
        let fi = Swift.max(0, Swift.min(Int((x - g.x0) * g.invW), k - 1))
        let fj = Swift.max(0, Swift.min(Int((y - g.y0) * g.invH), k - 1))
        let code = fineCodes[Int(g.base) &+ fj &* k &+ fi]
        if code >= -1 { return code }
        return locateMixed(mixed[Int(-2 - code)], x, y)
    }

    @inline(__always)
    func locateMixed(_ m: PointIndexMixedCell, _ px: Double, _ py: Double) -> Int32 {
        if m.polyCount > 64 { return locateMixedWide(m, px, py) }
        let cx = m.refX, cy = m.refY
        let sx0 = Swift.min(px, cx), sx1 = Swift.max(px, cx)
        let sy0 = Swift.min(py, cy), sy1 = Swift.max(py, cy)
        var parity: UInt64 = 0
        var boundary: UInt64 = 0
        let start = Int(m.edgeStart)
        for n in start..<(start + Int(m.edgeCount)) {
            let e = edges[n]
            // The edge's box misses the box of segment p→ref: no crossing, and p is not on it.
            if Swift.max(e.ax, e.bx) < sx0 || Swift.min(e.ax, e.bx) > sx1
                || Swift.max(e.ay, e.by) < sy0 || Swift.min(e.ay, e.by) > sy1 { continue }
            let o = orientSign(e.ax, e.ay, e.bx, e.by, px, py)
            let bit: UInt64 = 1 << UInt64(e.slot)
            if o == 0 {
                if px >= Swift.min(e.ax, e.bx), px <= Swift.max(e.ax, e.bx),
                   py >= Swift.min(e.ay, e.by), py <= Swift.max(e.ay, e.by) { boundary |= bit }
                continue  // collinear but off the segment: cannot cross p→ref either
            }
            let sa = orientSign(px, py, cx, cy, e.ax, e.ay) > 0
            let sb = orientSign(px, py, cx, cy, e.bx, e.by) > 0
            if sa != sb, (o > 0) != e.refLeft { parity ^= bit }
        }
        // Covered: inside by parity, or exactly on the boundary (where parity is meaningless).
        let covered = ((m.insideMask ^ parity) & ~boundary) | boundary
        if covered == 0 { return -1 }
        return polys[Int(m.polyStart) + covered.trailingZeroBitCount]
    }

    /// The same test for a cell with more than 64 candidate polygons (overlapping input only).
    @inline(never)
    func locateMixedWide(_ m: PointIndexMixedCell, _ px: Double, _ py: Double) -> Int32 {
        let count = Int(m.polyCount)
        var inside = [Bool](repeating: false, count: count)
        var boundary = [Bool](repeating: false, count: count)
        for n in 0..<Int(m.insideCount) { inside[Int(polys[Int(m.insideStart) + n])] = true }
        let start = Int(m.edgeStart)
        for n in start..<(start + Int(m.edgeCount)) {
            let e = edges[n]
            let s = Int(e.slot)
            let o = orientSign(e.ax, e.ay, e.bx, e.by, px, py)
            if o == 0 {
                if onSegment(e.ax, e.ay, e.bx, e.by, px, py) { boundary[s] = true }
                continue
            }
            let sa = orientSign(px, py, m.refX, m.refY, e.ax, e.ay) > 0
            let sb = orientSign(px, py, m.refX, m.refY, e.bx, e.by) > 0
            if sa != sb, (o > 0) != e.refLeft { inside[s].toggle() }
        }
        for s in 0..<count where inside[s] || boundary[s] { return polys[Int(m.polyStart) + s] }
        return -1
    }
}
