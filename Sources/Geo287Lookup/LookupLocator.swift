import Geo287Census
import Geo287Geometry

/// Where a point is: its county (or county equivalent) and its Census place, if any.
public struct PointAssignment: Sendable, Hashable {
    public var countyGEOID: String?
    public var placeGEOID: String?
    public init(countyGEOID: String?, placeGEOID: String?) {
        self.countyGEOID = countyGEOID
        self.placeGEOID = placeGEOID
    }
    public var stateFIPS: String? { countyGEOID.map { String($0.prefix(2)) } }
    public static let outside = PointAssignment(countyGEOID: nil, placeGEOID: nil)
}

/// Locates many points in counties and places. Every implementation follows the border rule
/// (`BorderRule`: the lowest GEOID among the polygons covering the point), so bulk and single
/// lookups, the grid index and GEOS agree point for point.
public protocol CountyPlaceLocator {
    /// Coordinates are x = longitude, y = latitude (NAD83 degrees; WGS84 input differs by ~1 m).
    func locate(_ points: [Coordinate]) throws -> [PointAssignment]
}

/// One point at a time, for `lookup --point`: a bounding-box scan of the counties, plain GEOS
/// predicates (no prepared index, no tree: a different path from the bulk engine, which the
/// tests compare against), then the places of the point's state only.
public final class SinglePointLocator: CountyPlaceLocator {
    let counties: [County]            // ascending GEOID
    let countyBounds: [BoundingBox]
    let places: (String, Coordinate) throws -> [Place]
    let context: GEOSContext

    /// `places(stateFIPS, point)` returns that state's places, with polygons at least for
    /// those whose bounding box contains the point (`CensusLayers.places(_:stateFIPS:boxContaining:)`).
    public init(counties: [County], places: @escaping (String, Coordinate) throws -> [Place]) throws {
        self.counties = counties.sorted { $0.geoid < $1.geoid }
        countyBounds = self.counties.map(\.geometry.bounds)
        self.places = places
        context = try GEOSContext()
    }

    public func locate(_ points: [Coordinate]) throws -> [PointAssignment] {
        try points.map(locate)
    }

    public func locate(_ p: Coordinate) throws -> PointAssignment {
        guard let county = try county(at: p) else { return .outside }
        return PointAssignment(countyGEOID: county.geoid, placeGEOID: try place(at: p, stateFIPS: county.stateFIPS)?.geoid)
    }

    /// The county containing `p` (border rule applied), or nil in water and outside the US.
    public func county(at p: Coordinate) throws -> County? {
        let point = try context.point(p)
        let candidates = counties.indices.filter { countyBounds[$0].contains(p) }
        let c = try BorderRule.first(among: candidates) { i in
            try GeometryError.attributed(to: counties[i].source) { try context.geometry(counties[i].geometry).covers(point) }
        }
        return c.map { counties[$0] }
    }

    /// The place of state `stateFIPS` containing `p` (border rule applied), or nil.
    public func place(at p: Coordinate, stateFIPS: String) throws -> Place? {
        let point = try context.point(p)
        let statePlaces = try places(stateFIPS, p).filter { $0.geometry.bounds.contains(p) }.sorted { $0.geoid < $1.geoid }
        let hit = try BorderRule.first(among: Array(statePlaces.indices)) { i in
            try GeometryError.attributed(to: statePlaces[i].source) { try context.geometry(statePlaces[i].geometry).covers(point) }
        }
        return hit.map { statePlaces[$0] }
    }
}
