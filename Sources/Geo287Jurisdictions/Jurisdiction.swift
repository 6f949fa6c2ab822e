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

/// The jurisdiction of an agreement. A value type with copy-on-write storage: the fields live in
/// one shared box, so copying a jurisdiction (into every matched row of every sheet, a lineage)
/// is one reference count, not one per string and list; setting a field copies the box first
/// when another value shares it.
public struct Jurisdiction: Sendable, Hashable {
    /// The stored fields (equality and hashing are theirs, field by field).
    struct Fields: Hashable {
        var level: JurisdictionLevel
        var geoid: String?
        var extraCountyGEOIDs: [String]
        var name: String
        var method: MatchMethod
        var confidence: Double
        var reason: String
        var counties: [CountyShare]
        var kind: AgencyKind?
        var stateUSPS: String?
        var exceptPlaceGEOIDs: [String]
        var joinNotes: [String]
    }

    /// @unchecked: `fields` is only written through `Jurisdiction`'s setters, after
    /// `isKnownUniquelyReferenced` made the box this value's own; shared boxes are only read.
    /// For the same reason no two accesses to `fields` can overlap, so they are not checked at
    /// run time (a checked access to a class property costs more than reading the field).
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    public init(level: JurisdictionLevel, geoid: String? = nil, extraCountyGEOIDs: [String] = [], name: String, method: MatchMethod,
                confidence: Double, reason: String, counties: [CountyShare] = [], kind: AgencyKind? = nil, stateUSPS: String? = nil,
                exceptPlaceGEOIDs: [String] = [], joinNotes: [String] = []) {
        storage = Storage(Fields(level: level, geoid: geoid, extraCountyGEOIDs: extraCountyGEOIDs, name: name, method: method,
                                 confidence: confidence, reason: reason, counties: counties, kind: kind, stateUSPS: stateUSPS,
                                 exceptPlaceGEOIDs: exceptPlaceGEOIDs, joinNotes: joinNotes))
    }

    /// The fields, for writing: the box is copied first unless this value is its only owner.
    private var unique: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    /// Whether two values share one box (a copy not written to since): tests.
    func sharesStorage(with other: Jurisdiction) -> Bool { storage === other.storage }

    public static func == (a: Jurisdiction, b: Jurisdiction) -> Bool { a.storage === b.storage || a.storage.fields == b.storage.fields }
    public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

    public var level: JurisdictionLevel {
        _read { yield storage.fields.level }
        _modify { yield &unique.level }
    }
    /// State FIPS (2), county GEOID (5) or place GEOID (7); nil when unmatched.
    public var geoid: String? {
        _read { yield storage.fields.geoid }
        _modify { yield &unique.geoid }
    }
    /// Several counties (judicial districts, regional jails) when the override names them.
    public var extraCountyGEOIDs: [String] {
        _read { yield storage.fields.extraCountyGEOIDs }
        _modify { yield &unique.extraCountyGEOIDs }
    }
    public var name: String {
        _read { yield storage.fields.name }
        _modify { yield &unique.name }
    }
    public var method: MatchMethod {
        _read { yield storage.fields.method }
        _modify { yield &unique.method }
    }
    public var confidence: Double {
        _read { yield storage.fields.confidence }
        _modify { yield &unique.confidence }
    }
    public var reason: String {
        _read { yield storage.fields.reason }
        _modify { yield &unique.reason }
    }
    public var counties: [CountyShare] {
        _read { yield storage.fields.counties }
        _modify { yield &unique.counties }
    }
    /// What kind of agency holds the agreement (nil when the agreement has no known state).
    public var kind: AgencyKind? {
        _read { yield storage.fields.kind }
        _modify { yield &unique.kind }
    }
    /// The agreement's state (USPS), for the rules that depend on it (Texas constables).
    public var stateUSPS: String? {
        _read { yield storage.fields.stateUSPS }
        _modify { yield &unique.stateUSPS }
    }
    /// Places inside the jurisdiction's counties that it does not police (Las Vegas Metro: not
    /// Henderson, North Las Vegas, Boulder City or Mesquite, which have their own police).
    public var exceptPlaceGEOIDs: [String] {
        _read { yield storage.fields.exceptPlaceGEOIDs }
        _modify { yield &unique.exceptPlaceGEOIDs }
    }
    /// What the county join had to estimate or could not know (a coverage above 1 capped, a
    /// place without 2020 population), one sentence each; also appended to `reason`.
    public var joinNotes: [String] {
        _read { yield storage.fields.joinNotes }
        _modify { yield &unique.joinNotes }
    }

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
