import Foundation
import Geo287TestSupport
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Jurisdictions
import Geo287Sheets
import Testing
@testable import Geo287Lookup

/// The real data root and the newest participating sheet (2026-05-18).
enum LookupFixtures {
    static let root: DataRoot = ReferenceData.root
    static let newestSheet = root.path("ice/participating-2026-05-18.xlsx")

    static func session(pending: Bool = false) throws -> LookupSession {
        try LookupSession(root: root, sheetPath: newestSheet, includePending: pending)
    }

    static func agencies(_ r: LookupResult, _ relation: LookupRelation = .covers) -> [String] {
        r.entries(relation).map(\.agreement.agencyName)
    }
}

@Suite struct LookupPointTests {
    @Test func tampaIsCoveredByCountyCityAndStatewideTaskForce() throws {
        let r = try LookupFixtures.session(pending: true).lookup(point: Coordinate(-82.4572, 27.9506))
        #expect(r.sheetDate?.description == "2026-05-18")
        #expect(r.location.state?.usps == "FL")
        #expect(r.location.counties.map(\.geoid) == ["12057"])
        #expect(r.location.place?.geoid == "1271000")   // Tampa city
        let covers = r.entries(.covers)
        let byName = Dictionary(grouping: covers, by: \.agreement.agencyName)
        #expect(byName["Hillsborough County Sheriff's Office"]?.allSatisfy { $0.jurisdiction.level == .county } == true)
        #expect(byName["Tampa Police Department"]?.first?.jurisdiction.level == .municipal)
        let patrol = covers.filter { $0.agreement.agencyName.contains("Highway Patrol") }
        #expect(patrol.count == 1 && patrol.first?.jurisdiction.level == .state && patrol.first?.agreement.model == .taskForce)
        #expect(covers.contains { $0.agreement.agencyName == "Florida Department of Law Enforcement" })
        #expect(covers.count == 14)
        // Corrections and campus police are facilities, not coverage.
        #expect(LookupFixtures.agencies(r, .facility).contains("Florida Department of Corrections"))
        #expect(!covers.contains { $0.jurisdiction.level == .other })
        #expect(r.pendingSheetDate?.description == "2026-02-27")
        let text = LookupText.render(r)
        #expect(text.hasPrefix("Tampa, Florida (in Hillsborough County)\nBased on ICE's list of 287(g) agreements published 2026-05-18.\n"))
        #expect(text.contains("Your police department (Tampa): YES: Tampa Police Department (task force model).\n"))
        #expect(text.contains("Your sheriff (Hillsborough County): YES: Hillsborough County Sheriff's Office (warrant model, task force model).\n"))
        #expect(text.contains("State agencies working statewide (Florida): YES: 11 agencies (listed below).\n"))
        #expect(text.contains("Task force model (13 agreements): officers can question and arrest people"))
        #expect(text.contains("Warrant model (1 agreement): officers can serve ICE's immigration warrants"))
    }

    @Test func unincorporatedCollierCountyHasTheSheriffAndNoCity() throws {
        let r = try LookupFixtures.session().lookup(point: Coordinate(-81.25, 26.05))
        #expect(r.location.counties.map(\.geoid) == ["12021"])
        #expect(r.location.place == nil)
        let covers = r.entries(.covers)
        #expect(covers.contains { $0.agreement.agencyName == "Collier County Sheriff's Office" && $0.jurisdiction.level == .county })
        #expect(!covers.contains { $0.jurisdiction.level == .municipal })
        // With every city boundary it is unincorporated; the compact layer can only say "in no agreement city".
        #expect(LookupText.render(r).contains(ReferenceData.hasFullData
            ? "Your police department: not inside a city or town: the county's sheriff or police patrol here."
            : "Your police department: this point is in no city that has an agreement"))
        #expect(LookupText.render(r).hasPrefix("A point in Collier County, Florida\n"))
    }

    @Test(ReferenceData.needsFullData) func stateWithoutAgreementsSaysSoHonestly() throws {
        // California has no row on the 2026-05-18 sheet (`geo287 summary`).
        let r = try LookupFixtures.session().lookup(point: Coordinate(-118.25, 34.05))
        #expect(r.location.state?.usps == "CA")
        #expect(r.location.place?.name == "Los Angeles")
        #expect(r.entries.isEmpty && r.stateAgreementCount == 0)
        let text = LookupText.render(r)
        #expect(text.contains("No 287(g) agreement covers Los Angeles, California on this list. California has no agreements on this list."))
        #expect(text.contains("Your police department (Los Angeles): NO 287(g) agreement."))
    }

    @Test func gulfOfMexicoIsInNoCounty() throws {
        let r = try LookupFixtures.session().lookup(point: Coordinate(-87.0, 26.0))
        #expect(r.location.state == nil && r.location.counties.isEmpty && r.entries.isEmpty)
        #expect(LookupText.render(r).contains("This point is not inside any US county (open water or outside the US)"))
        // Latitude and longitude swapped: a hint, still no crash.
        let swapped = try LookupFixtures.session().lookup(point: Coordinate(27.9506, -82.4572))
        #expect(swapped.location.notes.first?.contains("swapped") == true)
    }

    @Test func malformedCoordinatesAreOneLineErrors() {
        for bad in ["abc", "27.9", "91,0", "0,181", "nan,1", "27.9,-82.4,3"] {
            #expect(throws: LookupError.self) { try LookupQuery.coordinate(bad) }
        }
        #expect((try? LookupQuery.coordinate(" 27.9506 , -82.4572 ")) == Coordinate(-82.4572, 27.9506))
    }
}

@Suite struct LookupBorderTests {
    /// A vertex shared by Hillsborough (12057) and Pasco (12101) county rings: exactly on the border.
    static func sharedVertex(_ counties: [County], _ a: String, _ b: String) -> Coordinate? {
        guard let ca = counties.first(where: { $0.geoid == a }), let cb = counties.first(where: { $0.geoid == b }) else { return nil }
        let other = Set(cb.geometry.polygons.flatMap { $0.shell.points }.map { "\($0.x),\($0.y)" })
        return ca.geometry.polygons.flatMap { $0.shell.points }.first { other.contains("\($0.x),\($0.y)") }
    }

    @Test func pointOnACountyBorderGoesToTheLowestCoveringGEOID() throws {
        let counties = try CensusLayers.counties(LookupFixtures.root)
        let v = try #require(Self.sharedVertex(counties, "12057", "12101"))
        // GEOS: neither county contains a boundary point; both cover it.
        let ctx = try GEOSContext()
        let pt = try ctx.point(v)
        for id in ["12057", "12101"] {
            let g = try ctx.geometry(try #require(counties.first { $0.geoid == id }).geometry)
            #expect(try !g.contains(pt))
            #expect(try g.covers(pt))
        }
        let single = try SinglePointLocator(counties: counties) { _, _ in [] }
        #expect(try single.county(at: v)?.geoid == "12057")
        let bulk = try BulkCountyPlaceLocator(counties: counties, threads: 2) { _ in [] }
        #expect(try bulk.locate([v, v]).map(\.countyGEOID) == ["12057", "12057"])
        let r = try LookupFixtures.session().lookup(point: v)
        #expect(r.location.counties.first?.geoid == "12057")
        #expect(BorderRule.statement.contains("lowest GEOID"))
    }
}

@Suite struct LookupNameTests {
    @Test func countyAndPlaceNamesResolve() throws {
        let s = try LookupFixtures.session()
        let collier = try s.lookup(county: "Collier County, FL")
        #expect(collier.location.counties.map(\.geoid) == ["12021"])
        #expect(LookupFixtures.agencies(collier).contains("Collier County Sheriff's Office"))
        // Municipal agreements inside a county are listed apart from those covering it.
        let hills = try s.lookup(county: "Hillsborough County, FL")
        #expect(LookupFixtures.agencies(hills, .inside).contains("Tampa Police Department"))
        #expect(!LookupFixtures.agencies(hills).contains("Tampa Police Department"))
        let tampa = try s.lookup(place: "Tampa, FL")
        #expect(tampa.location.place?.geoid == "1271000")
        #expect(LookupFixtures.agencies(tampa).contains("Tampa Police Department"))
        #expect(LookupFixtures.agencies(tampa).contains("Hillsborough County Sheriff's Office"))
    }

    @Test func placeNameSharedByTwoStatesIsAmbiguous() throws {
        let s = try LookupFixtures.session()
        let error = try #require(throws: LookupError.self) { try s.lookup(place: "Kansas City") }
        #expect(error.kind == .ambiguous)
        #expect(error.suggestions.count == 2)
        #expect(error.suggestions.contains { $0.hasPrefix("Kansas City, KS") })
        #expect(error.suggestions.contains { $0.hasPrefix("Kansas City, MO") && $0.contains("Jackson County") })
        #expect(try s.lookup(place: "Kansas City, KS").location.place?.stateFIPS == "20")
    }

    @Test func misspelledCountiesGetSuggestionsNotGuesses() throws {
        let s = try LookupFixtures.session()
        let colier = try #require(throws: LookupError.self) { try s.lookup(county: "Colier County, FL") }
        #expect(colier.kind == .unknownName && colier.suggestions == ["Collier County, FL"])
        let dade = try #require(throws: LookupError.self) { try s.lookup(county: "Dade, FL") }
        #expect(dade.suggestions.first == "Miami-Dade County, FL")
        let bare = try #require(throws: LookupError.self) { try s.lookup(county: "Dade") }
        #expect(bare.kind == .ambiguous && bare.suggestions.prefix(3) == ["Dade County, GA", "Dade County, MO", "Miami-Dade County, FL"])
        let state = try #require(throws: LookupError.self) { try s.lookup(place: "Tampa, XX") }
        #expect(state.kind == .unknownName)
        #expect(String(describing: colier).hasPrefix("no county in Florida is named `Colier County`; did you mean:"))
    }
}

/// A place answer lists every other agreement of its county (or counties): never "nothing else
/// in the county" while a town of the county holds one.
@Suite struct LookupElsewhereInCountyTests {
    @Test func pittsburghListsSpringdaleAndStoweInAlleghenyCounty() throws {
        let r = try LookupFixtures.session().lookup(place: "Pittsburgh, PA")
        #expect(r.location.counties.map(\.geoid) == ["42003"])
        #expect(r.entries(.covers).isEmpty)
        let inside = r.entries(.inside)
        #expect(inside.map(\.agreement.agencyName) == ["Springdale Borough Police Department", "Stowe Township Police Department"])
        // Springdale has a polygon (a place of the county); Stowe Township is known only by its county.
        #expect(inside.first?.jurisdiction.geoid == "4272960" && inside.last?.jurisdiction.reach == .unmappedTown)
        #expect(inside.last?.note == "no mapped boundary: known only to be in Allegheny County, PA")
        // The same two a county lookup lists inside Allegheny County.
        let county = try LookupFixtures.session().lookup(county: "Allegheny County, PA")
        #expect(Set(LookupFixtures.agencies(county, .inside)) == Set(inside.map(\.agreement.agencyName)))
        let text = LookupText.render(r)
        #expect(text.contains("(those nearby are listed below)"))
        #expect(text.contains("Nearby, not covering this place itself (each covers only its own city or town) (2):"))
        #expect(text.contains("  - Stowe Township Police Department, covering its own town, somewhere in Allegheny County (boundary not mapped)."))
        let json = LookupJSON.render(r)
        #expect(json.contains(#""relation": "inside-county""#) && json.contains("Stowe Township Police Department"))
    }

    @Test func pinehurstListsRobbinsInMooreCounty() throws {
        let r = try LookupFixtures.session().lookup(place: "Pinehurst, NC")
        #expect(r.location.counties.map(\.nameWithType) == ["Moore County"])
        #expect(r.entries(.covers).isEmpty)
        #expect(LookupFixtures.agencies(r, .inside) == ["Robbins Police Department"])
        #expect(LookupText.render(r).contains("North Carolina has 29 agreements elsewhere (those nearby are listed below)."))
        #expect(LookupText.render(r).contains("  - Robbins Police Department, covering Robbins."))
    }

    @Test func hickoryListsBrookfordInCatawbaCounty() throws {
        // Hickory spans Catawba, Burke and Caldwell counties; Brookford is in Catawba.
        let r = try LookupFixtures.session().lookup(place: "Hickory, NC")
        #expect(r.location.counties.map(\.geoid) == ["37035", "37023", "37027"])
        #expect(Set(LookupFixtures.agencies(r)) == ["Caldwell County Sheriff's Office", "Catawba County Sheriff's Office"])
        let inside = r.entries(.inside)
        #expect(inside.map(\.agreement.agencyName) == ["Brookford Police Department"])
        #expect(inside.first?.note == "in Catawba County")
        #expect(LookupText.render(r).contains("  - Brookford Police Department, covering Brookford (in Catawba County)."))
    }

    @Test func aPlaceDoesNotListItselfOrChangeWhatCovers() throws {
        // Tampa: its own police covers it; other cities of Hillsborough are elsewhere, not covering.
        let r = try LookupFixtures.session().lookup(place: "Tampa, FL")
        #expect(LookupFixtures.agencies(r).contains("Tampa Police Department"))
        #expect(!LookupFixtures.agencies(r, .inside).contains("Tampa Police Department"))
        #expect(r.entries(.inside).allSatisfy { $0.jurisdiction.level == .municipal && $0.jurisdiction.geoid != "1271000" })
        #expect(r.entries(.unmapped).isEmpty)
    }
}
