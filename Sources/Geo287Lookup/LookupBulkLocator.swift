import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry

/// The bulk locator on GEOS: counties in an STRtree with prepared polygons, then, state by
/// state, places in an STRtree of their bounding boxes with polygons converted and prepared
/// only when a point falls in their box. Each worker thread owns its GEOS context and every
/// geometry it makes (engine-notes.md: GEOS 3.11 envelopes and prepared indexes are lazy and
/// not thread-safe), so nothing GEOS-made crosses threads.
public final class BulkCountyPlaceLocator: CountyPlaceLocator {
    let counties: [County]            // ascending GEOID
    let places: @Sendable (String, SortedPoints) throws -> [Place]
    let threads: Int

    /// `places(stateFIPS, points)`: that state's places, read on a worker thread, with polygons
    /// at least for those whose bounding box holds one of `points` (the state's points).
    public init(counties: [County], threads: Int = 2, places: @escaping @Sendable (String, SortedPoints) throws -> [Place]) {
        self.counties = counties.sorted { $0.geoid < $1.geoid }
        self.threads = max(1, threads)
        self.places = places
    }

    public func locate(_ points: [Coordinate]) throws -> [PointAssignment] {
        let located = try locateIndexed(points)
        return points.indices.map { i in
            let c = located.counties[i]
            return c < 0 ? .outside : PointAssignment(countyGEOID: counties[Int(c)].geoid, placeGEOID: located.places[i])
        }
    }

    /// Per point: the index of its county in GEOID order (-1: none) and its place GEOID.
    func locateIndexed(_ points: [Coordinate]) throws -> (counties: [Int32], places: [String?]) {
        let countyOf = try locateCounties(points)
        Trace.mark("counties located")
        let placeOf = try locatePlaces(points, countyOf: countyOf)
        Trace.mark("places located")
        return (countyOf, placeOf)
    }

    // MARK: Counties

    func locateCounties(_ points: [Coordinate]) throws -> [Int32] {
        try GEOSPointLocator(polygons: counties.map(\.geometry)).locateAll(xs: points.map(\.x), ys: points.map(\.y), threads: threads)
    }

    // MARK: Places

    func locatePlaces(_ points: [Coordinate], countyOf: [Int32]) throws -> [String?] {
        var grouped: [String: [Int]] = [:]
        for i in points.indices where countyOf[i] >= 0 {
            grouped[counties[Int(countyOf[i])].stateFIPS, default: []].append(i)
        }
        let byState = grouped
        // Biggest states first, pulled by whichever worker is free.
        let states = byState.keys.sorted { (byState[$0]?.count ?? 0, $1) > (byState[$1]?.count ?? 0, $0) }
        let out = DisjointBuffer<String?>(count: points.count, initial: nil)
        let loadPlaces = places
        try Parallel.forEachChunk(count: states.count, chunkSize: 1, threads: threads, makeWorker: { try GEOSContext() }) { context, range in
            for s in range {
                let mine = byState[states[s]] ?? []
                let statePlaces = try loadPlaces(states[s], SortedPoints(mine.map { points[$0] }))
                    .filter { !$0.geometry.polygons.isEmpty }.sorted { $0.geoid < $1.geoid }
                guard !statePlaces.isEmpty else { continue }
                // The tree holds bounding boxes; a polygon is converted only when a point falls in its box.
                let boxes = try statePlaces.map { p -> Geometry in
                    let g = try context.rectangle(p.geometry.bounds)
                    _ = try g.bounds()
                    return g
                }
                let tree = try STRtree(context: context, geometries: boxes)
                let polygons = PreparedPolygons(context: context, polygons: statePlaces.map(\.geometry))
                for i in mine {
                    let pt = try context.point(points[i])
                    if let hit = try polygons.firstCovering(pt, among: tree.query(pt)) { out[i] = statePlaces[hit].geoid }
                }
            }
        }
        return out.values
    }
}

/// Points sorted by longitude, to ask whether a bounding box holds any of them.
public struct SortedPoints: Sendable {
    let xs: [Double], ys: [Double]

    public init(_ points: [Coordinate]) {
        let sorted = points.sorted { $0.x < $1.x }
        xs = sorted.map(\.x)
        ys = sorted.map(\.y)
    }

    /// Whether any point lies in `box` (edges included).
    public func anyInside(_ box: BoundingBox) -> Bool {
        var lo = 0, hi = xs.count
        while lo < hi {   // first index with x >= box.minX
            let mid = (lo + hi) / 2
            if xs[mid] < box.minX { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < xs.count, xs[i] <= box.maxX {
            if ys[i] >= box.minY && ys[i] <= box.maxY { return true }
            i += 1
        }
        return false
    }
}
