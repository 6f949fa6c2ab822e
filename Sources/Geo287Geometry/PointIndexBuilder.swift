/// Builds `PointIndexTables` from polygons. Every decision that the query relies on is exact:
/// edges are assigned to cells conservatively (a cell box padded by 2·10⁻⁷ of its side, far more
/// than the rounding of the query's cell arithmetic), and the polygons containing each reference
/// point are found by walking from a point outside the data from reference to reference, toggling
/// polygons at each exact crossing (`segmentCrossesEdge`), never by floating-point tolerances.
struct PointIndexBuilder {
    struct Edge { var ax: Double, ay: Double, bx: Double, by: Double, poly: Int32 }

    let edges: [Edge]
    let options: PointIndex.Options
    var t = PointIndexTables()
    private var cw = 1.0, ch = 1.0

    init(polygons: [MultiPolygon], options: PointIndex.Options) {
        var list: [Edge] = []
        for (index, multi) in polygons.enumerated() {
            for polygon in multi.polygons {
                for ring in [polygon.shell] + polygon.holes {
                    let pts = ring.points
                    guard pts.count >= 2 else { continue }
                    for n in 0..<(pts.count - 1) where pts[n] != pts[n + 1] {
                        let a = pts[n], b = pts[n + 1]
                        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { continue }
                        list.append(Edge(ax: a.x, ay: a.y, bx: b.x, by: b.y, poly: Int32(index)))
                    }
                }
            }
        }
        edges = list
        self.options = options
    }

    mutating func build() throws -> PointIndexTables {
        var box = BoundingBox.empty
        for e in edges { box.expand(Coordinate(e.ax, e.ay)); box.expand(Coordinate(e.bx, e.by)) }
        guard !box.isEmpty, box.width > 0, box.height > 0 else {
            // No area anywhere: no point is in any polygon's interior.
            t.minX = .infinity; t.maxX = -.infinity; t.minY = .infinity; t.maxY = -.infinity
            t.topCodes = [-1]
            return t
        }
        t.minX = box.minX; t.minY = box.minY; t.maxX = box.maxX; t.maxY = box.maxY
        let side = (box.width * box.height / Double(Swift.max(1, options.topCellCount))).squareRoot()
        t.nx = Swift.max(1, Swift.min(1 << 14, Int((box.width / side).rounded(.up))))
        t.ny = Swift.max(1, Swift.min(1 << 14, Int((box.height / side).rounded(.up))))
        cw = box.width / Double(t.nx)
        ch = box.height / Double(t.ny)
        t.invCellW = Double(t.nx) / box.width
        t.invCellH = Double(t.ny) / box.height
        let lists = assignTopCells()
        t.topCodes = [Int32](repeating: -1, count: t.nx * t.ny)
        for j in 0..<t.ny {
            let y0 = t.minY + Double(j) * ch
            var prevRef = Coordinate(t.minX - cw, y0 + ch / 2)  // outside every polygon
            var prevList: [Int32] = []
            var state: [Int32] = []
            for i in 0..<t.nx {
                let list = lists[j * t.nx + i]
                let cell = BoundingBox(minX: t.minX + Double(i) * cw, minY: y0,
                                       maxX: t.minX + Double(i + 1) * cw, maxY: y0 + ch)
                let ref = try chooseReference(in: cell, avoiding: list)
                transfer(&state, from: prevRef, to: ref, prevList, list)
                if list.isEmpty {
                    t.topCodes[j * t.nx + i] = state.min() ?? -1
                } else {
                    t.topCodes[j * t.nx + i] = -2 - Int32(t.subgrids.count)
                    try buildSubgrid(cell: cell, list: list, ref: ref, state: state)
                }
                prevRef = ref
                prevList = list
            }
        }
        return t
    }

    // MARK: Edge assignment

    /// Edge ids per top cell, ascending.
    private func assignTopCells() -> [[Int32]] {
        var lists = [[Int32]](repeating: [], count: t.nx * t.ny)
        let padX = 2e-7 * cw, padY = 2e-7 * ch
        for (id, e) in edges.enumerated() {
            let i0 = clampIndex((Swift.min(e.ax, e.bx) - padX - t.minX) / cw, t.nx)
            let i1 = clampIndex((Swift.max(e.ax, e.bx) + padX - t.minX) / cw, t.nx)
            let j0 = clampIndex((Swift.min(e.ay, e.by) - padY - t.minY) / ch, t.ny)
            let j1 = clampIndex((Swift.max(e.ay, e.by) + padY - t.minY) / ch, t.ny)
            for j in j0...j1 {
                for i in i0...i1 {
                    let x0 = t.minX + Double(i) * cw, y0 = t.minY + Double(j) * ch
                    if touches(e, x0 - padX, y0 - padY, x0 + cw + padX, y0 + ch + padY) {
                        lists[j * t.nx + i].append(Int32(id))
                    }
                }
            }
        }
        return lists
    }

    private func clampIndex(_ v: Double, _ n: Int) -> Int {
        guard v.isFinite else { return 0 }
        return Swift.max(0, Swift.min(n - 1, Int(v.rounded(.down))))
    }

    /// Whether segment e meets the box (the box is already padded, so rounding here only errs
    /// on the side of keeping an edge).
    private func touches(_ e: Edge, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Bool {
        if Swift.max(e.ax, e.bx) < x0 || Swift.min(e.ax, e.bx) > x1
            || Swift.max(e.ay, e.by) < y0 || Swift.min(e.ay, e.by) > y1 { return false }
        let dx = e.bx - e.ax, dy = e.by - e.ay
        let d1 = dx * (y0 - e.ay) - dy * (x0 - e.ax)
        let d2 = dx * (y0 - e.ay) - dy * (x1 - e.ax)
        let d3 = dx * (y1 - e.ay) - dy * (x1 - e.ax)
        let d4 = dx * (y1 - e.ay) - dy * (x0 - e.ax)
        if d1 > 0, d2 > 0, d3 > 0, d4 > 0 { return false }
        if d1 < 0, d2 < 0, d3 < 0, d4 < 0 { return false }
        return true
    }

    // MARK: Subgrids

    private mutating func buildSubgrid(cell: BoundingBox, list: [Int32], ref: Coordinate, state: [Int32]) throws {
        let wanted = (Double(list.count) / options.edgesPerFineCell).squareRoot().rounded(.up)
        let k = Swift.max(options.minSubdivision, Swift.min(options.maxSubdivision, Int(wanted)))
        let fw = cw / Double(k), fh = ch / Double(k)
        let base = t.fineCodes.count
        t.subgrids.append(PointIndexSubgrid(x0: cell.minX, y0: cell.minY, invW: Double(k) / cw,
                                            invH: Double(k) / ch, k: Int32(k), base: Int32(base)))
        // Edge ids per fine cell.
        var lists = [[Int32]](repeating: [], count: k * k)
        let padX = 2e-7 * fw, padY = 2e-7 * fh
        for id in list {
            let e = edges[Int(id)]
            let i0 = clampIndex((Swift.min(e.ax, e.bx) - padX - cell.minX) / fw, k)
            let i1 = clampIndex((Swift.max(e.ax, e.bx) + padX - cell.minX) / fw, k)
            let j0 = clampIndex((Swift.min(e.ay, e.by) - padY - cell.minY) / fh, k)
            let j1 = clampIndex((Swift.max(e.ay, e.by) + padY - cell.minY) / fh, k)
            for j in j0...j1 {
                for i in i0...i1 {
                    let x0 = cell.minX + Double(i) * fw, y0 = cell.minY + Double(j) * fh
                    if touches(e, x0 - padX, y0 - padY, x0 + fw + padX, y0 + fh + padY) {
                        lists[j * k + i].append(id)
                    }
                }
            }
        }
        var refs = [Coordinate]()
        refs.reserveCapacity(k * k)
        for j in 0..<k {
            for i in 0..<k {
                let box = BoundingBox(minX: cell.minX + Double(i) * fw, minY: cell.minY + Double(j) * fh,
                                      maxX: cell.minX + Double(i + 1) * fw, maxY: cell.minY + Double(j + 1) * fh)
                refs.append(try chooseReference(in: box, avoiding: lists[j * k + i]))
            }
        }
        // States: from the top reference into its fine cell, along that row, then up and down columns.
        var states = [[Int32]](repeating: [], count: k * k)
        let i0 = Swift.max(0, Swift.min(k - 1, Int((ref.x - cell.minX) / fw)))
        let j0 = Swift.max(0, Swift.min(k - 1, Int((ref.y - cell.minY) / fh)))
        var s = state
        transfer(&s, from: ref, to: refs[j0 * k + i0], list, [])
        states[j0 * k + i0] = s
        walk(&states, refs, lists, from: j0 * k + i0, step: 1, count: k - 1 - i0)
        walk(&states, refs, lists, from: j0 * k + i0, step: -1, count: i0)
        for i in 0..<k {
            walk(&states, refs, lists, from: j0 * k + i, step: k, count: k - 1 - j0)
            walk(&states, refs, lists, from: j0 * k + i, step: -k, count: j0)
        }
        t.fineCodes.append(contentsOf: repeatElement(-1, count: k * k))
        for c in 0..<(k * k) {
            if lists[c].isEmpty {
                t.fineCodes[base + c] = states[c].min() ?? -1
            } else {
                t.fineCodes[base + c] = -2 - Int32(t.mixed.count)
                appendMixed(ref: refs[c], inside: states[c], ids: lists[c])
            }
        }
    }

    /// Carries the state from cell `from` to `count` further cells, `step` apart (adjacent cells).
    private func walk(_ states: inout [[Int32]], _ refs: [Coordinate], _ lists: [[Int32]],
                      from: Int, step: Int, count: Int) {
        var c = from
        for _ in 0..<Swift.max(0, count) {
            var s = states[c]
            transfer(&s, from: refs[c], to: refs[c + step], lists[c], lists[c + step])
            states[c + step] = s
            c += step
        }
    }

    private mutating func appendMixed(ref: Coordinate, inside: [Int32], ids: [Int32]) {
        var candidates = Set(inside)
        for id in ids { candidates.insert(edges[Int(id)].poly) }
        let sorted = candidates.sorted()
        var slotOf: [Int32: Int32] = [:]
        for (s, p) in sorted.enumerated() { slotOf[p] = Int32(s) }
        let edgeStart = t.edges.count
        for id in ids {
            let e = edges[Int(id)]
            t.edges.append(PointIndexCellEdge(
                ax: e.ax, ay: e.ay, bx: e.bx, by: e.by, slot: slotOf[e.poly] ?? 0,
                refLeft: orientSign(e.ax, e.ay, e.bx, e.by, ref.x, ref.y) > 0))
        }
        let polyStart = t.polys.count
        t.polys.append(contentsOf: sorted)
        var mask: UInt64 = 0
        let insideStart = t.polys.count
        if sorted.count <= 64 {
            for p in inside { mask |= 1 << UInt64(slotOf[p] ?? 0) }
        } else {
            t.polys.append(contentsOf: inside.compactMap { slotOf[$0] })
        }
        t.mixed.append(PointIndexMixedCell(
            refX: ref.x, refY: ref.y, insideMask: mask,
            edgeStart: Int32(edgeStart), edgeCount: Int32(ids.count),
            polyStart: Int32(polyStart), polyCount: Int32(sorted.count),
            insideStart: Int32(insideStart), insideCount: Int32(t.polys.count - insideStart)))
    }

    // MARK: Reference points and exact state transfer

    /// A point well inside `box` that lies on none of the edges (exact test): the centre, else
    /// points of a Halton sequence in the middle half of the box.
    private func chooseReference(in box: BoundingBox, avoiding ids: [Int32]) throws -> Coordinate {
        for n in 0..<4096 {
            let fx = n == 0 ? 0.5 : 0.25 + 0.5 * halton(n, 2)
            let fy = n == 0 ? 0.5 : 0.25 + 0.5 * halton(n, 3)
            let c = Coordinate(box.minX + fx * box.width, box.minY + fy * box.height)
            let clear = ids.allSatisfy { id in
                let e = edges[Int(id)]
                return !onSegment(e.ax, e.ay, e.bx, e.by, c.x, c.y)
            }
            if clear { return c }
        }
        throw GeometryError.invalidInput("point index: no reference point off the edges in a cell of \(box)")
    }

    private func halton(_ index: Int, _ base: Int) -> Double {
        var f = 1.0, r = 0.0, i = index
        while i > 0 {
            f /= Double(base)
            r += f * Double(i % base)
            i /= base
        }
        return r
    }

    /// Toggles the polygons whose edges the segment p→q crosses. Both lists are ascending; an
    /// edge in both is counted once. p and q lie in the union of the two (convex) cells.
    private func transfer(_ state: inout [Int32], from p: Coordinate, to q: Coordinate, _ a: [Int32], _ b: [Int32]) {
        var ia = 0, ib = 0
        while ia < a.count || ib < b.count {
            let id: Int32
            if ib >= b.count || (ia < a.count && a[ia] < b[ib]) {
                id = a[ia]; ia += 1
            } else if ia >= a.count || b[ib] < a[ia] {
                id = b[ib]; ib += 1
            } else {
                id = a[ia]; ia += 1; ib += 1
            }
            let e = edges[Int(id)]
            if segmentCrossesEdge(p.x, p.y, q.x, q.y, e.ax, e.ay, e.bx, e.by) {
                if let at = state.firstIndex(of: e.poly) { state.remove(at: at) } else { state.append(e.poly) }
            }
        }
    }
}
