import Geo287Core

/// The reference point-in-polygon path: GEOS prepared `covers`, one test per candidate, under
/// the border rule (`BorderRule`: the lowest index among the polygons covering the point).
///
/// Per thread: its own GEOS context, its own copies of the polygons (envelopes forced right after
/// creation, engine-notes.md), its own STRtree and its own `PreparedPolygons`. Nothing GEOS is
/// shared between threads.
public struct GEOSPointLocator: Sendable {
    public let polygons: [MultiPolygon]

    public init(polygons: [MultiPolygon]) { self.polygons = polygons }

    public func locateAll(xs: [Double], ys: [Double], threads: Int = 1) throws -> [Int32] {
        let polygons = self.polygons
        let n = Swift.min(xs.count, ys.count)
        let out = DisjointBuffer<Int32>(count: n, initial: -1)
        // At least 1,000 points per worker: each one converts every polygon first.
        try Parallel.forEachChunk(count: n, chunkSize: Swift.max(1000, (n + threads - 1) / Swift.max(1, threads)), threads: threads,
                                  makeWorker: { try Worker(polygons: polygons) }) { worker, range in
            for i in range { out[i] = try worker.locate(Coordinate(xs[i], ys[i])) }
        }
        return out.values
    }

    /// One thread's GEOS state.
    final class Worker {
        let context: GEOSContext
        let tree: STRtree
        let prepared: PreparedPolygons

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
            prepared = PreparedPolygons(context: context, geometries: geometries)
        }

        func locate(_ c: Coordinate) throws -> Int32 {
            let point = try context.point(c)
            return try prepared.firstCovering(point, among: tree.query(point)).map(Int32.init) ?? -1
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

    /// Polygon index per point, −1 for none (`BorderRule` decides border points).
    public func locateAll(xs: [Double], ys: [Double], threads: Int) throws -> [Int32] {
        if let grid { return try grid.locateAll(xs: xs, ys: ys, threads: threads) }
        if let geos { return try geos.locateAll(xs: xs, ys: ys, threads: threads) }
        return []
    }
}
