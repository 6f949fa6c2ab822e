import Foundation
import Geo287Core
@testable import Geo287Census
import Geo287Geometry
@testable import Geo287Coverage
@testable import Geo287Jurisdictions
import Geo287Sheets
import Testing

/// The counting rules on a small hand-built state whose answers are worked out by hand:
/// county A (12001, 1,000 people) and county B (12003, 500 people); place P1 holds 20% of A;
/// place P2 spans both, 10% of A and 40% of B.
@Suite struct CountingRuleTests {
    static let a = "12001", b = "12003", p1 = "1200001", p2 = "1200002"

    static let gazetteer: Gazetteer = {
        let square = MultiPolygon([Polygon(shell: Ring([Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1)]))])
        let counties = [(a, "Alpha"), (b, "Beta")].map {
            County(geoid: $0.0, stateFIPS: "12", stateUSPS: "FL", name: $0.1, nameWithType: "\($0.1) County", lsad: "06", geometry: square)
        }
        func part(_ county: String, _ place: String, _ countyShare: Double) -> PlaceCountyCrosswalk.Part {
            .init(countyGEOID: county, placeGEOID: place, stateUSPS: "FL", countyName: "", placeName: place, population2020: 100,
                  placeShare: nil, countyShare: countyShare)
        }
        let crosswalk = PlaceCountyCrosswalk(parts: [part(a, p1, 0.2), part(a, p2, 0.1), part(b, p2, 0.4)])
        let rows = [(a, 1000), (b, 500)].map { PopulationTable.Row(geoid: $0.0, stateName: "Florida", name: $0.0, base2020: $0.1, estimate: $0.1) }
        let population = PopulationTable(vintage: "test", counties: Dictionary(uniqueKeysWithValues: rows.map { ($0.geoid, $0) }), states: [:])
        return Gazetteer(root: DataRoot(url: URL(fileURLWithPath: "/nonexistent"), source: .environment), counties: counties,
                         crosswalk: crosswalk, population: population)
    }()

    /// An agreement placed by hand (what the matcher and the county join would give).
    static func agreement(_ name: String, level: JurisdictionLevel, kind: AgencyKind, geoid: String,
                          counties: [(String, Double)], method: MatchMethod = .exact, except: [String] = []) -> MatchedAgreement {
        let a = Agreement.manual(row: 2, state: USState.usps("FL") ?? USState.all[0], agencyName: name, agencyType: .county,
                                 county: nil, model: .taskForce)
        var j = Jurisdiction(level: level, geoid: geoid, name: name, method: method, confidence: 1, reason: "by hand")
        j.counties = counties.map { CountyShare(countyGEOID: $0.0, share: 1, coverage: $0.1, basis: "test") }
        j.kind = kind
        j.stateUSPS = "FL"
        j.exceptPlaceGEOIDs = except
        return MatchedAgreement(agreement: a, jurisdiction: j)
    }

    static func covered(_ matched: [MatchedAgreement], rules: CountingRules = .standard) -> (national: Int, withoutState: Int, a: Int, b: Int, result: CoverageResult) {
        let sheet = Sheet(path: "hand.xlsx", kind: .participating, published: nil, publishedTimestamp: nil,
                          agreements: matched.map(\.agreement), warnings: [])
        let r = CoverageCalculator(gazetteer: gazetteer).compute(participating: sheet, matched: matched, pending: nil, pendingMatched: [],
                                                                 options: CoverageOptions(rules: rules))
        let byID = Dictionary(uniqueKeysWithValues: r.counties.map { ($0.geoid, $0.covered) })
        return (r.national.covered, r.national.coveredWithoutStatewide, byID[a] ?? -1, byID[b] ?? -1, r)
    }

    static let sheriffA = agreement("Alpha County Sheriff", level: .county, kind: .sheriff, geoid: a, counties: [(a, 1)])
    static let policeP1 = agreement("P1 Police", level: .municipal, kind: .police, geoid: p1, counties: [(a, 0.2)])
    static let policeP2 = agreement("P2 Police", level: .municipal, kind: .police, geoid: p2, counties: [(a, 0.1), (b, 0.4)])

    @Test func sheriffAndCityOverlapCountOnce() {
        let c = Self.covered([Self.sheriffA, Self.policeP1])
        #expect(c.a == 1000 && c.b == 0 && c.national == 1000)
    }

    @Test func aCityInTwoCountiesCountsItsPartInEach() {
        let c = Self.covered([Self.policeP2])
        #expect(c.a == 100 && c.b == 200 && c.national == 300)
        // Two cities of one county add up: 20% + 10% of A.
        #expect(Self.covered([Self.policeP1, Self.policeP2]).a == 300)
    }

    @Test func statewideCoversEveryCountyAndIsLeftOutWithoutStatewide() {
        let patrol = Self.agreement("Florida Highway Patrol", level: .state, kind: .stateAgency, geoid: "12", counties: [(Self.a, 1), (Self.b, 1)])
        let c = Self.covered([patrol, Self.policeP2])
        #expect(c.national == 1500 && c.withoutState == 300)
        #expect(Self.covered([patrol], rules: CountingRules.standard.with(.statePolice, on: false)).national == 0)
    }

    @Test func aProsecutorCountsCountyWideByDefaultAndTheRuleSwitchesIt() {
        let da = Self.agreement("Alpha County Attorney", level: .other, kind: .prosecutor, geoid: Self.a, counties: [(Self.a, 1)])
        #expect(Self.covered([da]).national == 1000)
        let off = Self.covered([da], rules: CountingRules.standard.with(.prosecutors, on: false))
        #expect(off.national == 0)
        #expect(off.result.notes.contains { $0.contains("`prosecutors`") })
        // A jail is off by default; switched on it reaches its county.
        let jail = Self.agreement("Alpha County Jail", level: .other, kind: .corrections, geoid: Self.a, counties: [(Self.a, 1)])
        #expect(Self.covered([jail]).national == 0)
        #expect(Self.covered([jail], rules: CountingRules.standard.with(.corrections, on: true)).national == 1000)
    }

    @Test func aTownshipWithoutPolygonIsALowerBoundNotAZero() {
        let town = Self.agreement("Gamma Township Police", level: .municipal, kind: .police, geoid: Self.a, counties: [(Self.a, 1)],
                                  method: .fallbackCounty)
        let c = Self.covered([town, Self.policeP1])
        #expect(c.national == 200)
        let florida = c.result.states.first { $0.usps == "FL" }
        #expect(florida?.uncountedTowns == 1 && florida?.isLowerBound == true)
        #expect(CoverageOutput.table(c.result).contains("≥200"))
        #expect(c.result.notes.contains { $0.contains("lower bounds") })
    }

    @Test func aCountyWideAgencyLeavesOutTheCitiesItDoesNotPolice() {
        let metro = Self.agreement("Alpha Metropolitan Police", level: .county, kind: .police, geoid: Self.a, counties: [(Self.a, 1)],
                                   except: [Self.p1])
        #expect(Self.covered([metro]).a == 800)             // A less P1's 20%
        #expect(Self.covered([metro, Self.policeP1]).a == 1000)  // P1's own police covers it
        #expect(Self.covered([metro, Self.sheriffA]).a == 1000)  // the sheriff covers all of A
    }
}
