import Geo287Census
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Sheets
import Geo287TestSupport
import Testing
@testable import Geo287Lookup

/// Lookup and coverage apply one rule (`Reach`): for every county of the newest sheet, the
/// agreements a county lookup lists as covering it are those coverage counts as covering the
/// whole county, and the municipal agreements it lists inside are the places coverage adds up.
@Suite struct LookupCoverageAgreementTests {
    @Test func everyCountyListsWhatCoverageCounts() throws {
        let gazetteer = try Gazetteer.load(LookupFixtures.root)
        let run = CoverageRun(gazetteer: gazetteer)
        let matched = try run.matchedSheet(try SheetReader.read(path: LookupFixtures.newestSheet))
        let result = try run.coverage(matched, pending: nil, options: CoverageOptions(model: .all))
        let byState = Dictionary(grouping: matched.matched) { $0.agreement.state?.fips ?? "" }
        var compared = 0, wholeCounties = 0, placeParts = 0
        var disagreements: [String] = []
        for county in result.counties {
            guard let state = USState.fips(county.stateFIPS), let c = gazetteer.countyByGEOID[county.geoid] else { continue }
            let location = LookupLocation(query: .county(c.nameWithType), state: state, counties: [c], place: nil)
            let entries = LookupCoverage().entries(for: location, agreements: byState[state.fips] ?? []).filter { $0.agreement.model != nil }
            func key(_ agency: String, _ model: SupportModel?) -> String { "\(agency)|\(model?.rawValue ?? "")" }
            let lookupWhole = Set(entries.filter { $0.relation == .covers }.map { key($0.agreement.agencyName, $0.agreement.model) })
            let coverageWhole = Set(county.agreements.filter { $0.counted && $0.reach == .wholeCounties }.map { key($0.agency, $0.model) })
            let lookupInside = Set(entries.filter { e in
                if case .place = e.jurisdiction.reach { return e.relation == .inside } else { return false }
            }.map { key($0.agreement.agencyName, $0.agreement.model) })
            let coverageInside = Set(county.agreements.filter { a in
                if case .place = a.reach { return true } else { return false }
            }.map { key($0.agency, $0.model) })
            if lookupWhole != coverageWhole || lookupInside != coverageInside { disagreements.append(county.geoid) }
            compared += 1
            wholeCounties += coverageWhole.isEmpty ? 0 : 1
            placeParts += coverageInside.count
        }
        #expect(compared == gazetteer.counties.count)
        #expect(disagreements.isEmpty, "counties where lookup and coverage disagree: \(disagreements.prefix(10))")
        // Not vacuous: hundreds of counties are wholly reached and hundreds of places add up.
        #expect(wholeCounties > 500 && placeParts > 300, "\(wholeCounties) \(placeParts)")

        // Every city of the sheet: a place lookup lists as covering it exactly the agreements
        // coverage counts for that place, plus the county-wide ones coverage counts in its counties.
        var cities = 0
        var cityDisagreements: [String] = []
        let placeIDs = Set(matched.matched.compactMap { m -> String? in
            if case .place(let g) = m.jurisdiction.reach { return g } else { return nil }
        })
        for geoid in placeIDs.sorted() {
            guard let place = try gazetteer.place(geoid: geoid), let state = USState.fips(place.stateFIPS) else { continue }
            let spans = try CountyJoin(gazetteer: gazetteer).counties(ofPlace: geoid).compactMap { gazetteer.countyByGEOID[$0.countyGEOID] }
            let location = LookupLocation(query: .place(place.name), state: state, counties: spans, place: place)
            let covers = Set(LookupCoverage().entries(for: location, agreements: byState[state.fips] ?? [])
                .filter { $0.relation == .covers && $0.agreement.model != nil }.map { "\($0.agreement.agencyName)|\($0.agreement.row)" })
            let counted = Set(matched.matched.filter { m in
                guard m.agreement.model != nil else { return false }
                switch m.jurisdiction.reach {
                case .place(let g): return g == geoid
                case .wholeCounties:
                    return m.jurisdiction.level == .state ? m.jurisdiction.geoid == state.fips
                        : !m.jurisdiction.countyGEOIDs.isDisjoint(with: spans.map(\.geoid)) && !m.jurisdiction.exceptPlaceGEOIDs.contains(geoid)
                default: return false
                }
            }.map { "\($0.agreement.agencyName)|\($0.agreement.row)" })
            if covers != counted { cityDisagreements.append("\(geoid) \(place.name)") }
            cities += 1
        }
        #expect(cities > 450, "\(cities)")
        #expect(cityDisagreements.isEmpty, "cities where lookup and coverage disagree: \(cityDisagreements.prefix(10))")
    }
}
