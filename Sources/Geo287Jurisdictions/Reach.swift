/// Who lives under an agreement: the one rule that `geo287 coverage` (people counted) and
/// `geo287 lookup` (agreements listed for a location) both apply, so they cannot disagree.
///
/// - `wholeCounties`: a statewide or county agreement covers every resident of its counties
///   (`Jurisdiction.counties`: every county of the state, or the county and the extra counties
///   an override lists);
/// - `place`: a municipal agreement (matched to a place; one matched to a whole county, as a
///   consolidated city-county police, reaches whole counties) covers the residents of one Census place, which lies in
///   `Jurisdiction.counties` with the shares of the place × county join;
/// - `unmappedTown`: a municipal agency placed only at county level (a town or township with no
///   place polygon): its county is touched, its residents cannot be located or counted;
/// - `notCounted(rule)`: an agreement whose counting rule is off (by default corrections, campus,
///   airport and port police, courts, constables outside Texas): listed where it sits, never
///   resident coverage (`CountingRules`);
/// - `none`: the agreement could not be placed.
public enum Reach: Sendable, Hashable {
    case wholeCounties
    case place(geoid: String)
    case unmappedTown
    case notCounted(CountingRule)
    case none

    /// A word for tables: `whole-counties`, `place`, `unmapped-town`, `not-counted`, `none`.
    public var name: String {
        switch self {
        case .wholeCounties: "whole-counties"
        case .place: "place"
        case .unmappedTown: "unmapped-town"
        case .notCounted: "not-counted"
        case .none: "none"
        }
    }

    /// Whether the residents reached count as covered people.
    public var countsResidents: Bool {
        switch self {
        case .wholeCounties, .place: return true
        case .unmappedTown, .notCounted, .none: return false
        }
    }
}

extension Jurisdiction {
    /// Who this agreement reaches under the standard counting rules.
    public var reach: Reach { CountingRules.standard.reach(self) }

    /// The counties this jurisdiction touches (from the county join, else its own GEOIDs).
    public var countyGEOIDs: Set<String> {
        if !counties.isEmpty { return Set(counties.map(\.countyGEOID)) }
        return Set((geoid?.count == 5 ? [geoid ?? ""] : []) + extraCountyGEOIDs)
    }

    /// Whether `countyGEOID` is one of `countyGEOIDs`, without building the set (a statewide
    /// agreement touches every county of its state).
    public func touchesCounty(_ countyGEOID: String) -> Bool {
        if !counties.isEmpty { return counties.contains { $0.countyGEOID == countyGEOID } }
        return geoid?.count == 5 && geoid == countyGEOID || extraCountyGEOIDs.contains(countyGEOID)
    }
}
