import Geo287Core

/// Bulk point-in-polygon over a fixed set of polygons (e.g. the 3,235 counties), far faster than
/// a GEOS test per point and giving the same answers as GEOS prepared `contains`.
///
/// **The rule** (`BorderRule`). `locate(c)` returns the lowest index `i` such that `polygons[i]`
/// *covers* `c`, exactly as `GEOSPreparedCovers(polygon i, POINT(c))`: interior or boundary. A
/// point exactly on a polygon's boundary — on an edge, at a vertex, or on the edge of a hole —
/// belongs to it, so a point on the border shared by two counties goes to the lower index (the
/// lower GEOID, as polygons come in GEOID order); a point strictly inside a hole belongs to the
/// polygon only if another part covers it; all rings of a multi-part polygon count together
/// (even-odd), as in GEOS. Coordinates are planar: a county
/// that crosses ±180° (Aleutians West) is the union of its parts on both sides, nothing more.
///
/// **How.** A two-level grid over the polygons' edges (`PointIndexTables`). Most points fall in a
/// cell that no edge touches, whose answer is stored: two table reads, no polygon test. Points in
/// a cell that edges cross are decided from that cell's reference point, whose answer is known,
/// and the parity of exact crossings of the segment point→reference with the cell's few edges;
/// a point exactly on one of them is detected exactly (robust orientation, `orientSign`). The
/// index is immutable, so one instance serves any number of threads.
public final class PointIndex: Sendable {
    public struct Options: Sendable {
        /// Cells of the top grid over the polygons' bounding box.
        public var topCellCount: Int
        /// Target edges per fine cell when a top cell that edges cross is subdivided.
        public var edgesPerFineCell: Double
        /// Bounds on the k of a k×k subgrid.
        public var minSubdivision: Int
        public var maxSubdivision: Int

        public init(topCellCount: Int = 1 << 18, edgesPerFineCell: Double = 1.0,
                    minSubdivision: Int = 2, maxSubdivision: Int = 32) {
            self.topCellCount = topCellCount
            self.edgesPerFineCell = Swift.max(0.01, edgesPerFineCell)
            self.minSubdivision = Swift.max(1, minSubdivision)
            self.maxSubdivision = Swift.max(Swift.max(1, minSubdivision), maxSubdivision)
        }
    }

    let tables: PointIndexTables
    public let polygonCount: Int

    public init(polygons: [MultiPolygon], options: Options = Options()) throws {
        var builder = PointIndexBuilder(polygons: polygons, options: options)
        tables = try builder.build()
        polygonCount = polygons.count
    }

    /// An index from its tables (`init(decoding:)`, which checks them).
    init(tables: PointIndexTables, polygonCount: Int) {
        self.tables = tables
        self.polygonCount = polygonCount
    }

    /// The lowest-index polygon covering `c` (interior or boundary), or nil.
    public func locate(_ c: Coordinate) -> Int? {
        let r = tables.withView { $0.locate(c.x, c.y) }
        return r >= 0 ? Int(r) : nil
    }

    /// `locate` for every (xs[i], ys[i]) on `threads` threads: the polygon index, or −1 for none.
    /// Extra elements of the longer array are ignored.
    public func locateAll(xs: [Double], ys: [Double], threads: Int = 1) throws -> [Int32] {
        let n = Swift.min(xs.count, ys.count)
        let out = DisjointBuffer<Int32>(count: n, initial: -1)
        let tables = self.tables
        try Parallel.forEachChunk(count: n, chunkSize: Parallel.balancedChunkSize(count: n, threads: threads), threads: threads) { range in
            tables.withView { view in
                for i in range { out[i] = view.locate(xs[i], ys[i]) }
            }
        }
        return out.values
    }

    /// Sizes of the index, for reports and tuning.
    public var statistics: Statistics {
        Statistics(topCells: tables.topCodes.count, subgrids: tables.subgrids.count,
                   fineCells: tables.fineCodes.count, mixedCells: tables.mixed.count,
                   cellEdges: tables.edges.count,
                   bytes: tables.topCodes.count * 4 + tables.fineCodes.count * 4
                       + tables.subgrids.count * MemoryLayout<PointIndexSubgrid>.stride
                       + tables.mixed.count * MemoryLayout<PointIndexMixedCell>.stride
                       + tables.edges.count * MemoryLayout<PointIndexCellEdge>.stride + tables.polys.count * 4)
    }

    public struct Statistics: Sendable, CustomStringConvertible {
        public let topCells, subgrids, fineCells, mixedCells, cellEdges, bytes: Int
        public var description: String {
            "top cells \(topCells), subgrids \(subgrids), fine cells \(fineCells), mixed \(mixedCells), "
                + "cell edges \(cellEdges), \(bytes / 1024) KiB"
        }
    }
}
