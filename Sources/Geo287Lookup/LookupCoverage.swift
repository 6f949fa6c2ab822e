import Geo287Jurisdictions
import Geo287Sheets

/// Which matched agreements concern a location, and how (`LookupRelation`), by the rule that
/// coverage counts people with (`Reach`):
///
/// - statewide agreements cover every point of their state; county agreements (and municipal
///   ones matched to a whole county) cover their counties (`Jurisdiction.countyGEOIDs`);
/// - a municipal agreement covers its Census place; for a county query, and for a place query
///   about another place, it is `inside-county` when its place lies in the county (or one of
///   the counties the place spans: the place × county join of `CountyJoin`);
/// - a town or township placed only at county level is `unmapped` for a point, `inside-county`
///   for a county or place query about its county;
/// - agencies whose counting rule is off (jails, campuses, airports; `CountingRules`) are listed
///   where they sit as facilities, never as coverage: for a point, those of its state, its place
///   or its county; for a county or place query, also those of the other places of its county;
/// - a county-wide agency that does not police some cities of its county (Las Vegas Metro)
///   does not cover a point or place in them.
///
/// So a place answer lists every agreement of its county: "nothing else in the county" is
/// never said while a town of the county holds one.
public struct LookupCoverage: Sendable {
    public init() {}

    /// `agreements`: matched, with the counties of their places filled in by `CountyJoin` (county
    /// and place queries read them; a point query reads only GEOIDs).
    public func entries(for location: LookupLocation, agreements: [MatchedAgreement]) -> [LookupEntry] {
        guard let state = location.state else { return [] }
        let countyIDs = location.counties.map(\.geoid)
        // A point asks what covers it; a county or a place also what else its county holds.
        let isPoint: Bool
        if case .point = location.query { isPoint = true } else { isPoint = false }
        var out: [LookupEntry] = []
        for m in agreements where m.agreement.state == state {
            let j = m.jurisdiction
            guard let g = j.geoid else { continue }
            let inCounties = countyIDs.filter(j.touchesCounty)   // j.countyGEOIDs ∩ the location's (a few at most: no set)
            var relation: LookupRelation?
            var note: String?
            switch j.reach {
            case .wholeCounties:
                let excepted = location.place.map { j.exceptPlaceGEOIDs.contains($0.geoid) } ?? false
                if j.level == .state ? g == state.fips : !inCounties.isEmpty && !excepted {
                    relation = .covers
                    if j.level != .state, location.counties.count > 1, let place = location.place,
                       let c = location.counties.first(where: { inCounties.contains($0.geoid) }) {
                        note = "covers the part of \(place.name) in \(c.nameWithType)"
                    }
                }
            case .place(let placeGEOID):
                if placeGEOID == location.place?.geoid {
                    relation = .covers
                } else if !isPoint, !inCounties.isEmpty {
                    relation = .inside
                    note = spanNote(location, inCounties)
                }
            case .unmappedTown:
                if !inCounties.isEmpty {
                    relation = isPoint ? .unmapped : .inside
                    note = "no mapped boundary: known only to be in \(j.name)"
                }
            case .notCounted:
                if g == state.fips || g == location.place?.geoid || (g.count != 7 || !isPoint) && !inCounties.isEmpty {
                    relation = .facility
                    if g != location.place?.geoid, g.count == 7 { note = spanNote(location, inCounties) }
                }
            case .none:
                break
            }
            if let relation { out.append(LookupEntry(matched: m, relation: relation, note: note)) }
        }
        return Self.inDisplayOrder(out)
    }

    /// For a place spanning several counties, which of them an agreement elsewhere sits in.
    func spanNote(_ location: LookupLocation, _ inCounties: [String]) -> String? {
        guard case .place = location.query, location.counties.count > 1 else { return nil }
        let names = location.counties.filter { inCounties.contains($0.geoid) }.map(\.nameWithType)
        return names.isEmpty ? nil : "in \(names.joined(separator: ", "))"
    }

    /// Model (JEM, WSO, TFM), then level (state, county, municipal, other), agency, row; entries
    /// equal in all of these keep their order. Each entry's key is made once.
    static func inDisplayOrder(_ entries: [LookupEntry]) -> [LookupEntry] {
        let levels = JurisdictionLevel.allCases
        let keys = entries.map { e -> (Int, Int, Int, String, Int) in
            let a = e.matched.agreement
            return (a.kind == .pending ? 1 : 0, a.model.map { SupportModel.allCases.firstIndex(of: $0) ?? 3 } ?? 3,
                    levels.firstIndex(of: e.matched.jurisdiction.level) ?? 4, a.agencyName, a.row)
        }
        return entries.indices.sorted { keys[$0] < keys[$1] || keys[$0] == keys[$1] && $0 < $1 }.map { entries[$0] }
    }
}
