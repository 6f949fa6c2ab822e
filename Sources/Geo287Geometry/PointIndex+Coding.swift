import Geo287Core

/// `PointIndex` as bytes (`BinaryWriter`), so a derived-table cache can keep a built index (the
/// county index of `lookup --points`): its tables column by column, each in one copy. Decoding
/// checks every code and offset `locate` follows, so a damaged encoding throws instead of
/// reading out of bounds or answering a polygon that does not exist.
extension PointIndex {
    /// Bumped whenever the layout (or the way the index is built) changes.
    public static let encodingVersion = 1

    public func encode(into w: inout BinaryWriter) {
        let t = tables
        w.int(Self.encodingVersion)
        w.int(polygonCount)
        for v in [t.minX, t.minY, t.maxX, t.maxY, t.invCellW, t.invCellH] { w.double(v) }
        w.int(t.nx); w.int(t.ny)
        w.int32s(t.topCodes)
        w.doubles(t.subgrids.flatMap { [$0.x0, $0.y0, $0.invW, $0.invH] })
        w.int32s(t.subgrids.flatMap { [$0.k, $0.base] })
        w.int32s(t.fineCodes)
        w.doubles(t.mixed.flatMap { [$0.refX, $0.refY, Double(bitPattern: $0.insideMask)] })
        w.int32s(t.mixed.flatMap { [$0.edgeStart, $0.edgeCount, $0.polyStart, $0.polyCount, $0.insideStart, $0.insideCount] })
        w.doubles(t.edges.flatMap { [$0.ax, $0.ay, $0.bx, $0.by] })
        w.int32s(t.edges.map { $0.slot << 1 | ($0.refLeft ? 1 : 0) })
        w.int32s(t.polys)
    }

    public convenience init(decoding r: inout BinaryReader) throws {
        func fail(_ what: String) -> BinaryReader.Damaged { BinaryReader.Damaged("point index: \(what)") }
        guard try r.int() == Self.encodingVersion else { throw fail("encoding version differs") }
        let polygonCount = try r.int()
        guard (0...Int(Int32.max)).contains(polygonCount) else { throw fail("\(polygonCount) polygons") }
        var t = PointIndexTables()
        var box: [Double] = []
        for _ in 0..<6 { box.append(try r.double()) }
        (t.minX, t.minY, t.maxX, t.maxY, t.invCellW, t.invCellH) = (box[0], box[1], box[2], box[3], box[4], box[5])
        t.nx = try r.int(); t.ny = try r.int()
        guard (1...(1 << 14)).contains(t.nx), (1...(1 << 14)).contains(t.ny) else { throw fail("grid of \(t.nx) x \(t.ny) cells") }
        guard t.minX <= t.maxX, t.minY <= t.maxY, Self.safeScale(t.invCellW, t.maxX - t.minX),
              Self.safeScale(t.invCellH, t.maxY - t.minY) else { throw fail("grid box or cell size not finite") }
        t.topCodes = try r.int32s()
        let subgridFrames = try r.doubles(), subgridSizes = try r.int32s()
        t.fineCodes = try r.int32s()
        let mixedPoints = try r.doubles(), mixedRanges = try r.int32s()
        let edgePoints = try r.doubles(), edgeSlots = try r.int32s()
        t.polys = try r.int32s()

        let subgrids = subgridSizes.count / 2, mixed = mixedRanges.count / 6, edges = edgeSlots.count
        guard subgridFrames.count == 4 * subgrids, subgridSizes.count == 2 * subgrids, mixedPoints.count == 3 * mixed,
              mixedRanges.count == 6 * mixed, edgePoints.count == 4 * edges else { throw fail("table columns differ in length") }
        guard t.topCodes.count == t.nx * t.ny else { throw fail("top grid size mismatch") }
        // A code is a polygon (below polygonCount), -1 (none) or -2 - m for entry m of `limit`.
        func check(_ codes: [Int32], _ limit: Int, _ what: String) throws {
            for c in codes where c >= Int32(clamping: polygonCount) || (c < -1 && Int(-2 - c) >= limit) {
                throw fail("\(what) code \(c) out of range")
            }
        }
        try check(t.topCodes, subgrids, "top cell")
        try check(t.fineCodes, mixed, "fine cell")
        t.subgrids = try (0..<subgrids).map { g in
            let s = PointIndexSubgrid(x0: subgridFrames[4 * g], y0: subgridFrames[4 * g + 1], invW: subgridFrames[4 * g + 2],
                                      invH: subgridFrames[4 * g + 3], k: subgridSizes[2 * g], base: subgridSizes[2 * g + 1])
            let k = Int(s.k), base = Int(s.base)
            guard k >= 1, k <= 1 << 12, base >= 0, base + k * k <= t.fineCodes.count else { throw fail("subgrid \(g) out of range") }
            guard s.x0.isFinite, s.y0.isFinite, Self.safeScale(s.invW, t.maxX - t.minX), Self.safeScale(s.invH, t.maxY - t.minY)
            else { throw fail("subgrid \(g) frame not finite") }
            return s
        }
        t.edges = (0..<edges).map { e in
            PointIndexCellEdge(ax: edgePoints[4 * e], ay: edgePoints[4 * e + 1], bx: edgePoints[4 * e + 2], by: edgePoints[4 * e + 3],
                               slot: edgeSlots[e] >> 1, refLeft: edgeSlots[e] & 1 == 1)
        }
        t.mixed = try (0..<mixed).map { m in
            let cell = PointIndexMixedCell(refX: mixedPoints[3 * m], refY: mixedPoints[3 * m + 1],
                                           insideMask: mixedPoints[3 * m + 2].bitPattern,
                                           edgeStart: mixedRanges[6 * m], edgeCount: mixedRanges[6 * m + 1],
                                           polyStart: mixedRanges[6 * m + 2], polyCount: mixedRanges[6 * m + 3],
                                           insideStart: mixedRanges[6 * m + 4], insideCount: mixedRanges[6 * m + 5])
            try Self.checkMixed(cell, t, polygonCount: polygonCount) { fail("mixed cell \(m): \($0)") }
            return cell
        }
        self.init(tables: t, polygonCount: polygonCount)
    }

    /// A scale (cells per degree) that turns any offset within `span` into a cell number
    /// without overflowing `Int`.
    private static func safeScale(_ scale: Double, _ span: Double) -> Bool {
        scale.isFinite && scale >= 0 && span.isFinite && span * scale < 1e15
    }

    /// The ranges of a mixed cell within the tables, and every slot it can answer within its
    /// candidates; its candidates (or, for a wide cell, the candidates containing its reference
    /// point, as slots) are polygons that exist.
    private static func checkMixed(_ c: PointIndexMixedCell, _ t: PointIndexTables, polygonCount: Int,
                                   _ fail: (String) -> BinaryReader.Damaged) throws {
        let (edgeStart, edgeCount) = (Int(c.edgeStart), Int(c.edgeCount))
        let (polyStart, polyCount) = (Int(c.polyStart), Int(c.polyCount))
        let (insideStart, insideCount) = (Int(c.insideStart), Int(c.insideCount))
        guard edgeStart >= 0, edgeCount >= 0, edgeStart + edgeCount <= t.edges.count else { throw fail("edges out of range") }
        guard polyStart >= 0, polyCount >= 1, polyStart + polyCount <= t.polys.count else { throw fail("candidates out of range") }
        guard insideStart >= 0, insideCount >= 0, insideStart + insideCount <= t.polys.count else { throw fail("inside list out of range") }
        guard c.refX.isFinite, c.refY.isFinite else { throw fail("reference point not finite") }
        for p in t.polys[polyStart..<(polyStart + polyCount)] where p < 0 || Int(p) >= polygonCount {
            throw fail("candidate \(p) out of range")
        }
        for e in t.edges[edgeStart..<(edgeStart + edgeCount)] where e.slot < 0 || Int(e.slot) >= polyCount || e.slot >= 64 && polyCount <= 64 {
            throw fail("edge slot \(e.slot) out of range")
        }
        if polyCount <= 64 {
            guard polyCount == 64 || c.insideMask >> UInt64(polyCount) == 0 else { throw fail("inside mask beyond its candidates") }
        } else {
            for s in t.polys[insideStart..<(insideStart + insideCount)] where s < 0 || Int(s) >= polyCount {
                throw fail("inside slot \(s) out of range")
            }
        }
    }
}
