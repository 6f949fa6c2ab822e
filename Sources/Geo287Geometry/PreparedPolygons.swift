import Geo287Core

/// Polygons made in one GEOS context, each converted and prepared the first time a query needs
/// it: a point lookup touches a few of 3,235 counties, so preparing all of them up front would
/// cost more than the lookups. GEOS builds prepared indexes lazily and not thread-safely
/// (engine-notes.md), so a cache belongs to one thread: every worker makes its own.
public final class PreparedPolygons {
    public let context: GEOSContext
    public let count: Int
    private let make: (Int) throws -> Geometry
    private var geometries: [Geometry?]
    private var prepared: [PreparedGeometry?]
    /// The file and record of each polygon: a GEOS failure on polygon `i` then names them
    /// (`GeometryError.attributed`). Without them the error is GEOS's own.
    public var sources: [RecordSource?] = []

    /// `make(i)` returns polygon `i` as a geometry of `context`.
    public init(context: GEOSContext, count: Int, make: @escaping (Int) throws -> Geometry) {
        self.context = context
        self.count = count
        self.make = make
        geometries = Array(repeating: nil, count: count)
        prepared = Array(repeating: nil, count: count)
    }

    /// The given polygons, converted into `context` when first used.
    public convenience init(context: GEOSContext, polygons: [MultiPolygon]) {
        self.init(context: context, count: polygons.count) { try context.geometry(polygons[$0]) }
    }

    /// Geometries already made (e.g. those of an STRtree), prepared when first used.
    public convenience init(context: GEOSContext, geometries: [Geometry]) {
        self.init(context: context, count: geometries.count) { geometries[$0] }
    }

    public func geometry(_ i: Int) throws -> Geometry {
        if let g = geometries[i] { return g }
        let g = try GeometryError.attributed(to: source(i)) { try make(i) }
        guard g.context === context else { throw GeometryError.contextMismatch("polygon \(i)") }
        geometries[i] = g
        return g
    }

    public func prepared(_ i: Int) throws -> PreparedGeometry {
        if let p = prepared[i] { return p }
        let g = try geometry(i)
        let p = try GeometryError.attributed(to: source(i)) { try g.prepared() }
        prepared[i] = p
        return p
    }

    /// The border rule (`BorderRule`): the lowest of `candidates` whose polygon covers `point`.
    public func firstCovering(_ point: Geometry, among candidates: [Int]) throws -> Int? {
        try BorderRule.first(among: candidates) { i in
            let p = try prepared(i)
            return try GeometryError.attributed(to: source(i)) { try p.covers(point) }
        }
    }

    private func source(_ i: Int) -> RecordSource? { i < sources.count ? sources[i] : nil }
}

/// The border rule, stated once for every engine (the grid `PointIndex`, GEOS, single and bulk
/// lookups, tract coverage): **a point belongs to the polygon with the lowest index among those
/// that cover it**, where covering means in the interior or on the boundary (GEOS `covers`).
/// Polygon lists are kept in GEOID order, so a point exactly on a border shared by two counties
/// (or places) goes to the lower GEOID, and every point of a polygon, its boundary included,
/// is assigned to some polygon. (GEOS `contains` would leave border points in no polygon.)
public enum BorderRule {
    public static let statement = "a point exactly on a border belongs to the lowest GEOID among the polygons that cover it (interior or boundary)"

    /// The first of `candidates` (ascending) for which `covers` holds.
    public static func first(among candidates: [Int], covers: (Int) throws -> Bool) rethrows -> Int? {
        for c in candidates.sorted() where try covers(c) { return c }
        return nil
    }
}
