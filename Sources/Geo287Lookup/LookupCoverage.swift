import Geo287Jurisdictions
import Geo287Sheets

/// Which matched agreements concern a location, and how (`LookupRelation`).
///
/// - statewide agreements (level `state`) cover every point of their state;
/// - county agreements cover their county and the extra counties an override lists;
/// - municipal agreements cover their Census place; those placed only at county level
///   (`fallback-county`: towns and townships without a polygon) are `unmapped` for a point;
/// - for a county query, municipal agreements of places in the county are `inside-county`;
/// - level `other` (jails, campuses, prosecutors) is listed as a facility, never as coverage.
public struct LookupCoverage: Sendable {
    /// The counties a place lies in (crosswalk, or its polygon where the crosswalk cannot say).
    public typealias PlaceCounties = (String) throws -> [String]

    public init() {}

    public func entries(for location: LookupLocation, agreements: [MatchedAgreement],
                        placeCounties: PlaceCounties) throws -> [LookupEntry] {
        guard let state = location.state else { return [] }
        let countyIDs = Set(location.counties.map(\.geoid))
        let isCounty: Bool, isPoint: Bool
        switch location.query {
        case .county: (isCounty, isPoint) = (true, false)
        case .point: (isCounty, isPoint) = (false, true)
        case .place: (isCounty, isPoint) = (false, false)
        }
        var out: [LookupEntry] = []
        for m in agreements where m.agreement.state == state {
            let j = m.jurisdiction
            guard let g = j.geoid else { continue }
            let jCounties = g.count == 5 ? [g] + j.extraCountyGEOIDs : j.extraCountyGEOIDs
            let inCounties = jCounties.filter(countyIDs.contains)
            let fallback = j.method == .fallbackCounty
            var relation: LookupRelation?
            var note: String?
            switch j.level {
            case .state:
                if g == state.fips { relation = .covers }
            case .county:
                if !inCounties.isEmpty && !fallback {
                    relation = .covers
                    if location.counties.count > 1, let place = location.place, let c = location.counties.first(where: { inCounties.contains($0.geoid) }) {
                        note = "covers the part of \(place.name) in \(c.nameWithType)"
                    }
                }
            case .municipal:
                if fallback {
                    if !inCounties.isEmpty, isCounty || isPoint { relation = isCounty ? .inside : .unmapped }
                    if relation != nil { note = "no mapped boundary: known only to be in \(j.name)" }
                } else if g == location.place?.geoid {
                    relation = .covers
                } else if isCounty, g.count == 7, try placeCounties(g).contains(where: countyIDs.contains) {
                    relation = .inside
                }
            case .other:
                if g == state.fips || g == location.place?.geoid || !inCounties.isEmpty {
                    relation = .facility
                } else if isCounty, g.count == 7, try placeCounties(g).contains(where: countyIDs.contains) {
                    relation = .facility
                }
            }
            if let relation { out.append(LookupEntry(matched: m, relation: relation, note: note)) }
        }
        return out.sorted(by: Self.displayOrder)
    }

    /// Model (JEM, WSO, TFM), then level (state, county, municipal, other), agency, row.
    static func displayOrder(_ a: LookupEntry, _ b: LookupEntry) -> Bool {
        let levels = JurisdictionLevel.allCases
        func key(_ e: LookupEntry) -> (Int, Int, Int, String, Int) {
            (e.isPending ? 1 : 0, e.agreement.model.map { SupportModel.allCases.firstIndex(of: $0) ?? 3 } ?? 3,
             levels.firstIndex(of: e.jurisdiction.level) ?? 4, e.agreement.agencyName, e.agreement.row)
        }
        return key(a) < key(b)
    }
}
