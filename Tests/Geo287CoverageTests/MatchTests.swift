import Foundation
import Geo287Census
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Sheets
import Testing

@Suite struct MatchTests {
    func newest() throws -> MatchedSheet { try Fixtures.newest.get() }

    func jurisdiction(_ agency: String, _ model: SupportModel? = nil, state: String? = nil) throws -> Jurisdiction {
        let all = try newest().matched.filter { $0.agreement.agencyName == agency && (model == nil || $0.agreement.model == model)
            && (state == nil || $0.agreement.state?.usps == state) }
        return try #require(all.first).jurisdiction
    }

    @Test func nearlyEveryAgreementGetsARealGeometry() throws {
        let m = try newest().matched
        #expect(m.count == 1843)
        let good = m.filter { $0.jurisdiction.geoid != nil && !$0.jurisdiction.method.isFallbackOrUnmatched }.count
        // Pinned: 1,801 of 1,843 (97.7%); the 41 fallbacks are towns and townships (county
        // subdivisions without polygons, one of them misspelled: `Pittsburgh`, NH, is Pittsburg
        // town) and regional police departments; the one unmatched is Northwest Regional PD (PA).
        #expect(good == 1801)
        #expect(m.filter { $0.jurisdiction.method == .fallbackCounty }.count == 41)
        #expect(m.filter { $0.jurisdiction.method == .unmatched }.map(\.agreement.agencyName) == ["Northwest Regional Police Department"])
        #expect(m.allSatisfy { !$0.jurisdiction.reason.isEmpty })
        let fallbacks = m.filter { $0.jurisdiction.method == .fallbackCounty }
        #expect(fallbacks.allSatisfy { ["PA", "NH"].contains($0.agreement.state?.usps ?? "") })
    }

    @Test func consolidatedCityCounties() throws {
        #expect(try jurisdiction("Jacksonville Sheriff's Office", .taskForce).geoid == "12031")
        #expect(try jurisdiction("Las Vegas Metropolitan Police Department").geoid == "32003")
        #expect(try jurisdiction("Metropolitan Moore County Sheriff's Office").geoid == "47127")
    }

    @Test func virginiaIndependentCity() throws {
        // ICE prints `Hopewell County`; Hopewell is an independent city, FIPS 51670.
        let j = try jurisdiction("Hopewell County Sheriff's Office")
        #expect(j.level == .county && j.geoid == "51670" && j.name == "Hopewell city, VA")
    }

    @Test func louisianaParishAndParishPlace() throws {
        let sheriff = try #require(try newest().matched.first { $0.agreement.state?.usps == "LA" && $0.agreement.agencyName.contains("Parish Sheriff") })
        #expect(sheriff.jurisdiction.geoid?.hasPrefix("22") == true && sheriff.jurisdiction.name.contains("Parish"))
        let gretna = try jurisdiction("Gretna Police Department", state: "LA")
        #expect(gretna.geoid == "2231915" && gretna.counties.map(\.countyGEOID) == ["22051"])
    }

    @Test func statewideAgency() throws {
        let fhp = try jurisdiction("Florida Department of Highway Safety and Motor Vehicles, Division of Highway Patrol")
        #expect(fhp.level == .state && fhp.geoid == "12")
        #expect(fhp.counties.count == 67 && fhp.counties.allSatisfy { $0.coverage == 1 })
        // A state corrections department is a facility agency, not statewide street policing.
        #expect(try jurisdiction("Florida Department of Corrections").level == .other)
    }

    @Test func sameNamePlaceToldApartByCounty() throws {
        // Midway FL: Midway city (Gadsden, lost from the 2019 polygons but in the 2020 crosswalk)
        // and two Midway CDPs (Santa Rosa, Seminole). ICE's county picks the city.
        let j = try jurisdiction("Midway Police Department")
        #expect(j.geoid == "1245425" && j.counties.map(\.countyGEOID) == ["12039"])
        #expect(j.reason.contains("2020 crosswalk"))
    }

    @Test func townshipIsNotTheCityOfTheSameName() throws {
        // Butler Township (Luzerne County) is a county subdivision, not Butler city (Butler County).
        let j = try jurisdiction("Butler Township Police Department")
        #expect(j.method == .fallbackCounty && j.geoid == "42079")
    }

    @Test func nameAndCountyCellDisagree() throws {
        let g = try Fixtures.gazetteer.get()
        let a = Fixtures.synthetic(agency: "Polk County Sheriff's Office", state: "FL", type: .county, county: "Lake County")
        let j = try #require(try JurisdictionMatcher(gazetteer: g).match([a]).first).jurisdiction
        #expect(j.geoid == "12105")                    // the sheriff's own county wins
        #expect(j.reason.contains("disagrees") && j.confidence < 0.8)
    }

    @Test func misspelledCountyCells() throws {
        let g = try Fixtures.gazetteer.get()
        let cases: [(String, String, String)] = [("Pulaksi County", "AR", "05119"), ("Lake Conty", "FL", "12069"),
                                                 ("Decatur", "GA", "13087"), ("Doña Ana County", "NM", "35013"),
                                                 ("Miami Dade County", "FL", "12086"), ("St. Louis City", "MO", "29510")]
        for (cell, state, geoid) in cases {
            let a = Fixtures.synthetic(agency: "Example Agency Sheriff's Office", state: state, type: .county, county: cell)
            let j = try #require(try JurisdictionMatcher(gazetteer: g).match([a]).first).jurisdiction
            #expect(j.geoid == geoid, "\(cell) → \(j.geoid ?? "nil")")
        }
    }

    @Test func placeSpanningTwoCountiesHasPopulationShares() throws {
        // Longboat Key, FL: 2020 population split between Manatee and Sarasota counties.
        let j = try jurisdiction("Longboat Key Police Department")
        #expect(j.counties.map(\.countyGEOID) == ["12081", "12115"])
        #expect(j.counties.allSatisfy { $0.basis == "crosswalk" })
        #expect(abs(j.counties[0].share - 0.365889) < 1e-5 && abs(j.counties[1].share - 0.634111) < 1e-5)
    }

    @Test func sharesSumToOneAndCountiesExist() throws {
        let g = try Fixtures.gazetteer.get()
        for m in try newest().matched where !m.jurisdiction.counties.isEmpty {
            let sum = m.jurisdiction.counties.reduce(0) { $0 + $1.share }
            #expect(abs(sum - 1) < 1e-6, "\(m.agreement.agencyName): \(sum)")
            #expect(m.jurisdiction.counties.allSatisfy { g.countyByGEOID[$0.countyGEOID] != nil })
            #expect(m.jurisdiction.counties.allSatisfy { $0.coverage >= 0 && $0.coverage <= 1 })
        }
    }

    @Test func geosJoinOnTwoThreadsEqualsOne() throws {
        let g = try Fixtures.gazetteer.get()
        let places = Set(try newest().matched.compactMap { $0.jurisdiction.geoid }.filter { $0.count == 7 }).sorted()
        try g.loadPlaceGeometries(Set(places), threads: 2)
        let join = CountyJoin(gazetteer: g)
        let one = try join.overlay(places: places, threads: 1)
        let two = try join.overlay(places: places, threads: 2)
        #expect(one.count == places.count && one == two)
        // Crosswalk counties are all among the counties GEOS finds the polygon intersecting.
        var disagreements = 0
        for p in places {
            guard let parts = g.crosswalk.partsByPlace[p], let overlay = one[p], !overlay.areaShares.isEmpty else { continue }
            let xw = Set(parts.filter { $0.population2020 > 0 }.map(\.countyGEOID))
            if !xw.isSubset(of: Set(overlay.areaShares.keys)) { disagreements += 1 }
        }
        #expect(disagreements <= 3, "\(disagreements) places whose crosswalk counties GEOS does not find")
    }
    // Overrides: ResolutionAcrossSheetsTests (every override on every sheet it applies to).
}
