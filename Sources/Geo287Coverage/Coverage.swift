import Geo287Geometry
import Geo287Jurisdictions
import Geo287Sheets

/// Which agreements a coverage run counts.
public enum ModelFilter: Sendable, Hashable, CustomStringConvertible {
    case model(SupportModel)
    case all

    public init?(_ text: String) {
        if text == "all" { self = .all; return }
        guard let m = SupportModel(rawValue: text) else { return nil }
        self = .model(m)
    }

    public func admits(_ m: SupportModel?) -> Bool {
        switch self {
        case .all: return m != nil
        case let .model(x): return m == x
        }
    }

    public var description: String {
        switch self {
        case .all: return "all"
        case let .model(m): return m.rawValue
        }
    }
}

public enum CoverageMethod: String, Sendable, CaseIterable {
    /// County populations (Vintage 2023), with place parts from the 2020 crosswalk.
    case places
    /// 2020 tract population centroids located in counties and place polygons.
    case tracts
}

public struct CoverageOptions: Sendable {
    public var model: ModelFilter
    public var method: CoverageMethod
    public var includePending: Bool
    public var excludeStatewide: Bool
    /// Limit the report to one state (USPS); totals are then that state's.
    public var state: String?
    /// Point-in-polygon engine for the tracts method.
    public var engine: PointInPolygonEngine
    /// Whose residents count (`CountingRules.standard` unless switched).
    public var rules: CountingRules

    public init(model: ModelFilter = .model(.taskForce), method: CoverageMethod = .places, includePending: Bool = false,
                excludeStatewide: Bool = false, state: String? = nil, engine: PointInPolygonEngine = .grid,
                rules: CountingRules = .standard) {
        self.model = model; self.method = method; self.includePending = includePending
        self.excludeStatewide = excludeStatewide; self.state = state; self.engine = engine; self.rules = rules
    }
}

/// How one agreement reaches one county.
public struct CoveringAgreement: Sendable, Hashable {
    public let agency: String
    public let model: SupportModel
    public let level: JurisdictionLevel
    public let jurisdiction: String
    public let jurisdictionGEOID: String?
    public let pending: Bool
    /// Fraction of the county's population the jurisdiction holds (1 for state and county level).
    public let coverage: Double
    /// Who the agreement reaches (`Reach`, the rule lookup applies too).
    public let reach: Reach
    public let basis: String
    /// Places of its counties a county-wide agency does not police (`Jurisdiction.exceptPlaceGEOIDs`).
    public var exceptPlaces: [String] = []
    /// Whether it counts as resident coverage (not fallback, not facility/function agencies).
    public var counted: Bool { reach.countsResidents }
}

public struct StateCoverage: Sendable {
    public let fips: String
    public let usps: String
    public let name: String
    public let population: Int
    public let covered: Int
    public let coveredWithoutStatewide: Int
    public let statewide: Bool
    public let countiesTouched: Int
    public let agreements: Int
    /// Agreements in effect whose residents cannot be counted: towns and townships with no
    /// polygon or population in the data (`Reach.unmappedTown`). When there are any, `covered`
    /// is a lower bound.
    public var uncountedTowns: Int = 0
    public var share: Double { population > 0 ? Double(covered) / Double(population) : 0 }
    public var isLowerBound: Bool { uncountedTowns > 0 && covered < population }
}

public struct NationalCoverage: Sendable {
    public let population: Int
    public let covered: Int
    public let coveredWithoutStatewide: Int
    public let countiesTouched: Int
    public let agreements: Int
    public var share: Double { population > 0 ? Double(covered) / Double(population) : 0 }
}

public struct CoverageResult: Sendable {
    public let sheet: Sheet
    public let pendingSheet: Sheet?
    public let options: CoverageOptions
    public let populationVintage: String
    public let national: NationalCoverage
    public let states: [StateCoverage]       // sorted by covered people, descending, then USPS
    public let counties: [CountyCoverage]    // sorted by GEOID
    public let notes: [String]
}
