import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Jurisdictions
import Geo287Sheets

/// The place a lookup is about, once located or resolved.
public struct LookupLocation: Sendable {
    public enum Query: Sendable, Equatable {
        case point(Coordinate)
        case county(String)
        case place(String)
    }

    public let query: Query
    /// Nil only for a point in no US county (open water, outside the US).
    public let state: USState?
    /// The county of a point or county query; for a place, the counties it spans (largest share first).
    public let counties: [County]
    /// The place a point falls in, or the place named; nil for unincorporated land and county queries.
    public let place: Place?
    /// Resolution remarks (`Sunny Isles` read as the short form of …).
    public let notes: [String]
    /// Whether every city boundary of the state was at hand. False with the compact place
    /// layer, which has boundaries only for agreement cities: a point outside them may still
    /// be in another city, and the answer must not call it unincorporated.
    public let allCityBoundaries: Bool
    /// A town, township or borough named in a place query that is not a Census place (no
    /// boundary in the data): `Stowe Township`. The answer is then for its county.
    public let subdivision: String?
    /// County and city lines within reach of a point (nearest first).
    public var nearLines: [NearLine] = []

    public init(query: Query, state: USState?, counties: [County], place: Place?, notes: [String] = [],
                allCityBoundaries: Bool = true, subdivision: String? = nil) {
        self.subdivision = subdivision
        self.query = query
        self.state = state
        self.counties = counties
        self.place = place
        self.notes = notes
        self.allCityBoundaries = allCityBoundaries
    }

    public var assignment: PointAssignment {
        PointAssignment(countyGEOID: counties.first?.geoid, placeGEOID: place?.geoid)
    }
}

/// A county or city line near a point: the county layer is generalised (1:5,000,000), so a
/// point within `NearLine.countyMetres` of a county line may lie on the other side.
public struct NearLine: Sendable, Equatable {
    public enum Kind: String, Sendable { case county, city }
    public static let countyMetres = 2_000.0
    public static let cityMetres = 250.0
    public let kind: Kind
    /// Rounded to 10 m.
    public let metres: Int
    /// The area the point is in (`Hillsborough County`, `Tampa`).
    public let inside: String
    /// The county across the line (nil for a city line).
    public let across: String?

    public init(kind: Kind, metres: Int, inside: String, across: String?) {
        self.kind = kind
        self.metres = metres
        self.inside = inside
        self.across = across
    }
}

/// How an agreement relates to the location.
public enum LookupRelation: String, Sendable, CaseIterable {
    /// Its jurisdiction contains the location (statewide, the county, the city).
    case covers
    /// County query: a city or town agreement whose place lies in the county.
    case inside = "inside-county"
    /// A town or township department known only by its county (no mapped boundary): it may or
    /// may not cover a point in that county.
    case unmapped
    /// Level `other`: jails, campuses, airports, prosecutors located here; not resident coverage.
    case facility
}

public struct LookupEntry: Sendable {
    public let matched: MatchedAgreement
    public let relation: LookupRelation
    /// E.g. `covers the part of Atlanta in Fulton County`.
    public let note: String?

    public var agreement: Agreement { matched.agreement }
    public var jurisdiction: Jurisdiction { matched.jurisdiction }
    public var isPending: Bool { matched.agreement.kind == .pending }
}

/// Everything a lookup found, ready for the text and JSON renderers.
public struct LookupResult: Sendable {
    public let location: LookupLocation
    public let sheetPath: String
    public let sheetDate: SignedDate?
    public let pendingSheetPath: String?
    public let pendingSheetDate: SignedDate?
    /// Participating and (when asked for) pending entries, in display order.
    public let entries: [LookupEntry]
    /// Participating agreements in the location's state (any level), for the "none here" answer.
    public let stateAgreementCount: Int
    /// Participating agreements of the state that could not be placed on the map.
    public let stateUnplacedCount: Int

    public func entries(_ relation: LookupRelation, pending: Bool = false) -> [LookupEntry] {
        entries.filter { $0.relation == relation && $0.isPending == pending }
    }
}
