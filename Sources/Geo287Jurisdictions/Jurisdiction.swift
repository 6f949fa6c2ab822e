import Geo287Sheets

/// The territory an agreement governs.
public enum JurisdictionLevel: String, Sendable, CaseIterable, Codable {
    /// A state agency with statewide jurisdiction: every county of the state.
    case state
    /// A sheriff or other county agency: the whole county (or county equivalent).
    case county
    /// A police department, marshal or public-safety department: a Census place.
    case municipal
    /// Corrections, campus, airport and port police, constables, prosecutors, judicial
    /// districts: the county or place that contains it, not counted as resident coverage.
    case other
}

/// How the jurisdiction was found.
public enum MatchMethod: String, Sendable, CaseIterable, Codable {
    case exact                       // the COUNTY cell or name equals a Census name
    case normalized                  // equal after normalization (case, accents, suffixes)
    case nameDerived = "name-derived" // taken from the agency name
    case fuzzy                       // a misspelling within a small edit distance
    case override                    // the reviewed override table (Overrides.swift)
    case fallbackCounty = "fallback-county" // no place polygon: the county of the COUNTY cell
    case unmatched

    /// Whether the geometry is the jurisdiction itself (not a fallback or nothing).
    public var isFallbackOrUnmatched: Bool { self == .fallbackCounty || self == .unmatched }
}

/// A county touched by a jurisdiction.
public struct CountyShare: Sendable, Hashable, Codable {
    public let countyGEOID: String
    /// Fraction of the jurisdiction (population, else area) in this county; sums to 1.
    public let share: Double
    /// Fraction of the county's population living in the jurisdiction (1 for state and county).
    public let coverage: Double
    /// How the numbers were obtained: `state`, `county`, `crosswalk` or `area`.
    public let basis: String
}

public struct Jurisdiction: Sendable, Hashable {
    public var level: JurisdictionLevel
    /// State FIPS (2), county GEOID (5) or place GEOID (7); nil when unmatched.
    public var geoid: String?
    /// Several counties (judicial districts, regional jails) when the override names them.
    public var extraCountyGEOIDs: [String] = []
    public var name: String
    public var method: MatchMethod
    public var confidence: Double
    public var reason: String
    public var counties: [CountyShare] = []
    /// What kind of agency holds the agreement (nil when the agreement has no known state).
    public var kind: AgencyKind?
    /// The agreement's state (USPS), for the rules that depend on it (Texas constables).
    public var stateUSPS: String?
    /// Places inside the jurisdiction's counties that it does not police (Las Vegas Metro: not
    /// Henderson, North Las Vegas, Boulder City or Mesquite, which have their own police).
    public var exceptPlaceGEOIDs: [String] = []
    /// What the county join had to estimate or could not know (a coverage above 1 capped, a
    /// place without 2020 population), one sentence each; also appended to `reason`.
    public var joinNotes: [String] = []

    /// The geography counted as resident coverage (`Reach.countsResidents`).
    public var countsAsResidentCoverage: Bool { reach.countsResidents }
}

public struct MatchedAgreement: Sendable {
    public let agreement: Agreement
    public var jurisdiction: Jurisdiction

    public init(agreement: Agreement, jurisdiction: Jurisdiction) {
        self.agreement = agreement
        self.jurisdiction = jurisdiction
    }
}
