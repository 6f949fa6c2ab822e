/// The reference point-in-polygon path: GEOS prepared `contains`, one test per candidate.
///
/// Per thread: its own GEOS context, its own copies of the polygons (envelopes forced right after
/// creation, engine-notes.md), its own STRtree and its own lazily filled cache of prepared
/// polygons. Nothing GEOS is shared between threads. The answer for a point is the lowest index
/// whose prepared polygon `contains` it, or −1: the same rule as `PointIndex`.
public struct GEOSPointLocator: Sendable {
    public let polygons: [MultiPolygon]

    public init(polygons: [MultiPolygon]) { self.polygons = polygons }

    public func locateAll(xs: [Double], ys: [Double], threads: Int = 1) throws -> [Int32] {
        let polygons = self.polygons
        return try ParallelPoints.map(xs: xs, ys: ys, threads: threads) { points, range in
            let worker = try Worker(polygons: polygons)
            for i in range { points.out[i] = try worker.locate(Coordinate(points.xs[i], points.ys[i])) }
        }
    }

    /// One thread's GEOS state.
    final class Worker {
        let context: GEOSContext
        let tree: STRtree
        private var prepared: [PreparedGeometry?]

        init(polygons: [MultiPolygon]) throws {
            context = try GEOSContext()
            var geometries: [Geometry] = []
            geometries.reserveCapacity(polygons.count)
            for p in polygons {
                let g = try context.geometry(p)
                _ = try g.bounds()  // GEOS 3.11 computes envelopes lazily: force them now
                geometries.append(g)
            }
            tree = try STRtree(context: context, geometries: geometries)
            prepared = Array(repeating: nil, count: polygons.count)
        }

        func locate(_ c: Coordinate) throws -> Int32 {
            let point = try context.point(c)
            for index in tree.query(point) {
                let p: PreparedGeometry
                if let cached = prepared[index] {
                    p = cached
                } else {
                    p = try tree.geometries[index].prepared()
                    prepared[index] = p
                }
                if try p.contains(point) { return Int32(index) }
            }
            return -1
        }
    }
}

/// Which point-in-polygon engine to run: the grid index, or plain GEOS (the reference).
public enum PointInPolygonEngine: String, Sendable, CaseIterable {
    case grid, geos
}

/// One front for both engines, so callers (the CLI's `--engine`, the benchmarks) can switch.
public struct PointLocator: Sendable {
    public let engine: PointInPolygonEngine
    private let grid: PointIndex?
    private let geos: GEOSPointLocator?

    public init(polygons: [MultiPolygon], engine: PointInPolygonEngine,
                options: PointIndex.Options = PointIndex.Options()) throws {
        self.engine = engine
        switch engine {
        case .grid: grid = try PointIndex(polygons: polygons, options: options); geos = nil
        case .geos: grid = nil; geos = GEOSPointLocator(polygons: polygons)
        }
    }

    /// Polygon index per point, −1 for none (see `PointIndex` for the boundary rule).
    public func locateAll(xs: [Double], ys: [Double], threads: Int) throws -> [Int32] {
        if let grid { return grid.locateAll(xs: xs, ys: ys, threads: threads) }
        if let geos { return try geos.locateAll(xs: xs, ys: ys, threads: threads) }
        return []
    }
}
