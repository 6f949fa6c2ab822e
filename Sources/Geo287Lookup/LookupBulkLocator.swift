import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry

/// The bulk locator: counties in the grid index (`PointIndex`), then the places of the point's
/// state in a `BandedPolygons` index, each state's read and indexed the first time a point falls
/// in it and kept for the rest of the run (a stream of chunks reuses them). Both follow the
/// border rule (`BorderRule`), so the answers are GEOS prepared `covers`' (the tests compare
/// them with `SinglePointLocator`, which runs GEOS). The indexes are immutable and shared by the
/// worker threads.
public final class BulkCountyPlaceLocator: CountyPlaceLocator {
    let counties: [County]            // ascending GEOID
    let countyIndex: PointIndex
    /// Per county: its state's FIPS code as a number (the slot in `states`).
    let countyState: [Int]
    let statePlaces: @Sendable (String) throws -> StatePlaces
    let threads: Int
    /// The states read so far, by FIPS number.
    private(set) var states = [StatePlaces?](repeating: nil, count: 100)

    /// `places(stateFIPS)`: that state's places, read on a worker thread the first time a point
    /// falls in the state (places without a polygon are left out).
    public convenience init(counties: [County], threads: Int = 2, places: @escaping @Sendable (String) throws -> [Place]) throws {
        try self.init(counties: counties, threads: threads, statePlaces: { try StatePlaces(places: places($0)) })
    }

    /// `statePlaces(stateFIPS)`: that state's place index (`StatePlaces.load`, from the derived
    /// cache when valid), made on a worker thread the first time a point falls in the state.
    /// `countyIndex`: the index of the counties' polygons in GEOID order (from the derived
    /// cache when valid).
    public init(counties: [County], threads: Int = 2,
                countyIndex: ([MultiPolygon]) throws -> PointIndex = { try PointIndex(polygons: $0) },
                statePlaces: @escaping @Sendable (String) throws -> StatePlaces) throws {
        self.counties = counties.sorted { $0.geoid < $1.geoid }
        self.countyIndex = try countyIndex(self.counties.map(\.geometry))
        guard self.countyIndex.polygonCount == self.counties.count else {
            throw DataError("county index", "indexes \(self.countyIndex.polygonCount) polygons for \(self.counties.count) counties")
        }
        countyState = self.counties.map { c in Int(c.stateFIPS).flatMap { (0..<100).contains($0) ? $0 : nil } ?? 0 }
        self.threads = max(1, threads)
        self.statePlaces = statePlaces
    }

    public func locate(_ points: [Coordinate]) throws -> [PointAssignment] {
        let xs = points.map(\.x), ys = points.map(\.y)
        let countyOf = try countyIndex.locateAll(xs: xs, ys: ys, threads: threads)
        let placeOf = try locatePlaces(xs: xs, ys: ys, countyOf: countyOf)
        return points.indices.map { i in
            let c = Int(countyOf[i])
            guard c >= 0 else { return .outside }
            return PointAssignment(countyGEOID: counties[c].geoid, placeGEOID: place(county: c, index: placeOf[i])?.geoid)
        }
    }

    /// The place of index `index` among the places of county `county`'s state (nil for -1).
    func place(county: Int, index: Int32) -> Place? {
        guard index >= 0, let s = states[countyState[county]] else { return nil }
        return s.places[Int(index)]
    }

    /// Per point in county `countyOf[i]` (-1: none): the index of its place among its state's
    /// places, or -1. Reads the states not read yet first.
    func locatePlaces(xs: [Double], ys: [Double], countyOf: [Int32]) throws -> [Int32] {
        var seen = [Bool](repeating: false, count: states.count)
        for c in countyOf where c >= 0 { seen[countyState[Int(c)]] = true }
        try load(states: Set(seen.indices.filter { seen[$0] }))
        let n = countyOf.count
        let out = DisjointBuffer<Int32>(count: n, initial: -1)
        // Per county, its state's index, unretained: `states` keeps the indexes alive, and no
        // retain or release is paid per point.
        let indexes = countyState.map { states[$0].map { Unmanaged.passUnretained($0.index) } }
        try withExtendedLifetime(states) {
            try Parallel.forEachChunk(count: n, chunkSize: Parallel.balancedChunkSize(count: n, threads: threads), threads: threads) { range in
                for i in range where countyOf[i] >= 0 {
                    if let index = indexes[Int(countyOf[i])] {
                        out[i] = index._withUnsafeGuaranteedRef { $0.locate(xs[i], ys[i]) }
                    }
                }
            }
        }
        return out.values
    }

    /// Reads and indexes the states of `wanted` not read yet, on the worker threads.
    func load(states wanted: Set<Int>) throws {
        let todo = wanted.filter { states[$0] == nil }.sorted()
        guard !todo.isEmpty else { return }
        let read = statePlaces
        let loaded = try Parallel.map(todo, threads: threads) { number in try read(String(format: "%02d", number)) }
        for (number, s) in zip(todo, loaded) { states[number] = s }
        Trace.mark("places of \(todo.count) states indexed")
    }
}
