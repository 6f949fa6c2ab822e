import Geo287Core

/// `BandedPolygons` as bytes (`BinaryWriter`), so a derived-table cache can keep a built index:
/// decoding reads the large tables in place (`NumberTable`), copies the small ones, and checks
/// every offset in them, so a corrupted encoding throws instead of reading out of bounds in
/// `locate`.
extension BandedPolygons {
    /// Bumped whenever the layout (or the way the index is built) changes.
    public static let encodingVersion = 2

    public func encode(into w: inout BinaryWriter) {
        w.int(Self.encodingVersion)
        w.table(xs); w.table(ys)
        w.doubles(boxes.flatMap { [$0.minX, $0.minY, $0.maxX, $0.maxY] })
        w.int32s(firstBand); w.int32s(bandCount); w.doubles(bandY0); w.doubles(bandInv)
        w.table(bandEdgeStart); w.table(bandEdges)
        for v in [grid.minX, grid.minY, grid.maxX, grid.maxY, invW, invH] { w.double(v) }
        w.int(nx); w.int(ny)
        w.int32s(cellStart); w.int32s(cellPolygons)
    }

    public convenience init(decoding r: inout BinaryReader) throws {
        func fail(_ what: String) -> BinaryReader.Damaged { BinaryReader.Damaged("banded polygons: \(what)") }
        guard try r.int() == Self.encodingVersion else { throw fail("encoding version differs") }
        let xs = try r.table(Double.self), ys = try r.table(Double.self)
        let flat = try r.doubles()
        let firstBand = try r.int32s(), bandCount = try r.int32s()
        let bandY0 = try r.doubles(), bandInv = try r.doubles()
        let bandEdgeStart = try r.table(Int32.self), bandEdges = try r.table(Int32.self)
        var v: [Double] = []
        for _ in 0..<6 { v.append(try r.double()) }
        let nx = try r.int(), ny = try r.int()
        guard (1...(1 << 12)).contains(nx), (1...(1 << 12)).contains(ny) else { throw fail("grid of \(nx) x \(ny) cells") }
        let cellStart = try r.int32s(), cellPolygons = try r.int32s()

        // The offsets `locate` follows, each within what it indexes.
        let polygons = flat.count / 4
        guard xs.count == ys.count, flat.count == polygons * 4 else { throw fail("vertex or box arrays differ in length") }
        guard firstBand.count == polygons, bandCount.count == polygons, bandY0.count == polygons, bandInv.count == polygons
        else { throw fail("per-polygon arrays differ in length") }
        let bands = bandEdgeStart.count - 1
        guard bands >= 0 else { throw fail("no band table") }
        for p in 0..<polygons {
            let first = Int(firstBand[p]), n = Int(bandCount[p])
            guard first >= 0, n >= 1, first + n <= bands else { throw fail("polygon \(p)'s bands out of range") }
        }
        var previous: Int32 = 0
        for s in bandEdgeStart.elements {
            guard s >= previous, Int(s) <= bandEdges.count else { throw fail("band starts out of order or range") }
            previous = s
        }
        for k in bandEdges.elements where k < 0 || Int(k) + 1 >= xs.count { throw fail("edge \(k) out of range") }
        guard cellStart.count == nx * ny + 1, cellStart.first == 0 else { throw fail("grid size mismatch") }
        previous = 0
        for s in cellStart {
            guard s >= previous, Int(s) <= cellPolygons.count else { throw fail("cell starts out of order or range") }
            previous = s
        }
        for p in cellPolygons where p < 0 || Int(p) >= polygons { throw fail("cell polygon \(p) out of range") }

        let boxes = (0..<polygons).map { BoundingBox(minX: flat[4 * $0], minY: flat[4 * $0 + 1], maxX: flat[4 * $0 + 2], maxY: flat[4 * $0 + 3]) }
        self.init(xs: xs, ys: ys, boxes: boxes, firstBand: firstBand, bandCount: bandCount, bandY0: bandY0, bandInv: bandInv,
                  bandEdgeStart: bandEdgeStart, bandEdges: bandEdges,
                  grid: BoundingBox(minX: v[0], minY: v[1], maxX: v[2], maxY: v[3]), nx: nx, ny: ny, invW: v[4], invH: v[5],
                  cellStart: cellStart, cellPolygons: cellPolygons)
    }
}
