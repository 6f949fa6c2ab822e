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
        let out = DisjointBuffer<Int32>(count: points.count, initial: -1)
        let workers = max(1, min(threads, points.count / 1000 + 1))
        let counties = self.counties
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            do {
                let context = try GEOSContext()
                let geoms = try counties.map { c -> Geometry in
                    let g = try context.geometry(c.geometry)
                    _ = try g.bounds()   // force the lazy envelope (engine-notes.md)
                    return g
                }
                let tree = try STRtree(context: context, geometries: geoms)
                var prepared = [PreparedGeometry?](repeating: nil, count: geoms.count)
                func prep(_ i: Int) throws -> PreparedGeometry {
                    if let p = prepared[i] { return p }
                    let p = try geoms[i].prepared()
                    prepared[i] = p
                    return p
                }
                for i in stride(from: points.count * w / workers, to: points.count * (w + 1) / workers, by: 1) {
                    let pt = try context.point(points[i])
                    let hit = try LookupBorderRule.choose(tree.query(pt), contains: { try prep($0).contains(pt) },
                                                          covers: { try prep($0).covers(pt) })
                    if let hit { out[i] = Int32(hit) }
                }
            } catch {
                errors.record(error)
            }
        }
        try errors.rethrow()
        return out.values
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
        let queue = WorkQueue(count: states.count)
        let errors = ErrorBox()
        let loadPlaces = places
        DispatchQueue.concurrentPerform(iterations: min(threads, max(1, states.count))) { _ in
            do {
                let context = try GEOSContext()
                while let s = queue.next() {
                    let state = states[s]
                    let mine = byState[state] ?? []
                    let statePlaces = try loadPlaces(state, SortedPoints(mine.map { points[$0] })).filter { !$0.geometry.polygons.isEmpty }.sorted { $0.geoid < $1.geoid }
                    guard !statePlaces.isEmpty else { continue }
                    let boxes = try statePlaces.map { p -> Geometry in
                        let g = try context.rectangle(p.geometry.bounds)
                        _ = try g.bounds()
                        return g
                    }
                    let tree = try STRtree(context: context, geometries: boxes)
                    var prepared = [PreparedGeometry?](repeating: nil, count: statePlaces.count)
                    func prep(_ i: Int) throws -> PreparedGeometry {
                        if let p = prepared[i] { return p }
                        let g = try context.geometry(statePlaces[i].geometry)
                        _ = try g.bounds()
                        let p = try g.prepared()
                        prepared[i] = p
                        return p
                    }
                    for i in mine {
                        let pt = try context.point(points[i])
                        let hit = try LookupBorderRule.choose(tree.query(pt), contains: { try prep($0).contains(pt) },
                                                              covers: { try prep($0).covers(pt) })
                        if let hit { out[i] = statePlaces[hit].geoid }
                    }
                }
            } catch {
                errors.record(error)
            }
        }
        try errors.rethrow()
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

/// A fixed-size buffer that concurrent workers write at disjoint indices.
final class DisjointBuffer<T>: @unchecked Sendable {
    // @unchecked: each index is written by exactly one worker, and read only after
    // `concurrentPerform` returns (which orders the writes before the read).
    private let storage: UnsafeMutableBufferPointer<T>
    init(count: Int, initial: T) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    subscript(i: Int) -> T {
        get { storage[i] }
        set { storage[i] = newValue }
    }
    var values: [T] { Array(storage) }
}

/// Hands out indices 0..<count to concurrent workers.
final class WorkQueue: @unchecked Sendable {
    // @unchecked: `next` is serialized by `lock`.
    private let lock = NSLock()
    private var cursor = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard cursor < count else { return nil }
        cursor += 1
        return cursor - 1
    }
}

/// The first error thrown by any worker.
final class ErrorBox: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var first: (any Error)?
    func record(_ e: any Error) { lock.lock(); if first == nil { first = e }; lock.unlock() }
    func rethrow() throws { lock.lock(); let e = first; lock.unlock(); if let e { throw e } }
}
