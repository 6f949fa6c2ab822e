import Foundation
@testable import Geo287Census
import Geo287Core
import Geo287Coverage
@testable import Geo287Jurisdictions
import Geo287Sheets
import Geo287TestSupport
import Testing

/// No silent zeros: what the inputs cannot give is an error naming the file, or a note in the
/// coverage output naming what was left out; never a quiet 0 or a silent cap.
@Suite final class DataGapTests {
    let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-gaps-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    deinit { try? FileManager.default.removeItem(at: dir) }

    /// A data root holding the real place layers (linked) and, when given, this subdivision table.
    func rootWithSubdivisions(_ table: String?) throws -> DataRoot {
        let places = dir.appendingPathComponent("census/places")
        try FileManager.default.createDirectory(at: places, withIntermediateDirectories: true)
        for folder in [CensusLayers.fullPlacesFolder, CensusLayers.compactPlacesFolder] where Fixtures.root.exists(folder) {
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(folder).path,
                                                       withDestinationPath: Fixtures.root.path(folder))
        }
        if let table {
            try Data(table.utf8).write(to: dir.appendingPathComponent(CountySubdivisions.derivedPath))
        }
        return DataRoot(url: dir, source: .option)
    }

    func gazetteer(root: DataRoot, population: PopulationTable? = nil) throws -> Gazetteer {
        let real = try Fixtures.gazetteer.get()
        return Gazetteer(root: root, counties: real.counties, crosswalk: real.crosswalk, population: population ?? real.population)
    }

    static let pittsburgh = Fixtures.synthetic(agency: "Pittsburgh Police Department", state: "NH", type: .municipal, county: nil)

    @Test func damagedSubdivisionTableIsAnErrorNotNoTowns() throws {
        let table = "# source sha256 \(CountySubdivisions.sourceSHA256)\n3300762660\tPittsburg town\n33007X\tbroken\n"
        let g = try gazetteer(root: try rootWithSubdivisions(table))
        let error = try #require(throws: DataError.self) { try JurisdictionMatcher(gazetteer: g).match([Self.pittsburgh]) }
        #expect(error.kind == .malformed && error.path.hasSuffix(CountySubdivisions.derivedPath))
        #expect(error.message == "line 3: expected a 10-digit GEOID, a tab and a name")
    }

    @Test func missingSubdivisionTableIsAnErrorNotNoTowns() throws {
        let g = try gazetteer(root: try rootWithSubdivisions(nil))
        let error = try #require(throws: DataError.self) { try JurisdictionMatcher(gazetteer: g).match([Self.pittsburgh]) }
        #expect(error.kind == .missing && error.path.hasSuffix(CountySubdivisions.path))
        // With the table, the same row finds its town (the table is what made the difference).
        let good = try gazetteer(root: Fixtures.root)
        #expect(try JurisdictionMatcher(gazetteer: good).match([Self.pittsburgh]).first?.jurisdiction.geoid == "33007")
    }

    @Test func agreementWhoseModelCannotBeReadIsNamedInCoverage() throws {
        let newest = try Fixtures.newest.get()
        let run = CoverageRun(gazetteer: try Fixtures.gazetteer.get())
        let before = try run.coverage(newest, pending: nil, options: CoverageOptions(model: .all))
        #expect(!before.notes.contains { $0.contains("SUPPORT TYPE") })
        var matched = newest.matched
        let i = try #require(matched.firstIndex { $0.agreement.agencyName == "Collier County Sheriff's Office" })
        var a = matched[i].agreement
        a.model = nil
        a.modelAsPrinted = "Task Frce"
        matched[i] = MatchedAgreement(agreement: a, jurisdiction: matched[i].jurisdiction)
        let after = try run.coverage(MatchedSheet(sheet: newest.sheet, matched: matched), pending: nil, options: CoverageOptions(model: .all))
        // Not counted under any model, and said so with the file, the row and the cell.
        #expect(after.national.agreements == before.national.agreements - 1)
        let note = try #require(after.notes.first { $0.contains("SUPPORT TYPE") })
        #expect(note == "1 agreement(s) have a SUPPORT TYPE that is not one of the three models and are counted under no model: participating-2026-05-18.xlsx row \(a.row) (`Task Frce`, Collier County Sheriff's Office).")
    }

    @Test func countyMissingFromThePopulationTableIsNamed() throws {
        let real = try Fixtures.gazetteer.get()
        let newest = try Fixtures.newest.get()
        // The reference tables: every county of the 50 states and DC has a population row.
        let withAll = try CoverageRun(gazetteer: real).coverage(newest, pending: nil, options: CoverageOptions(model: .all))
        #expect(!withAll.notes.contains { $0.contains("have no row in") })
        #expect(real.countiesWithoutPopulation.allSatisfy { $0.stateFIPS >= "60" })
        // Autauga County, AL (01001) left out of the table.
        var counties = real.population.counties
        counties["01001"] = nil
        let table = PopulationTable(vintage: real.population.vintage, counties: counties, states: real.population.states)
        let g = try gazetteer(root: Fixtures.root, population: table)
        let r = try CoverageRun(gazetteer: g).coverage(newest, pending: nil, options: CoverageOptions(model: .all, state: "AL"))
        #expect(r.counties.first { $0.geoid == "01001" }?.population == 0)
        #expect(r.notes.contains("1 county(ies) have no row in census/population/co-est2023-alldata.csv and count as 0 people: Autauga County, AL (01001)."))
    }

    @Test func coverageAboveOneIsCappedAndSaid() throws {
        // Hartford, CT (0937000): Connecticut's crosswalk counties are the legacy ones, so the
        // share is estimated by area. With a county of 1,000 people its 121,054 would be 121 times
        // the county: capped at 1, and the cap is named.
        let real = try Fixtures.gazetteer.get()
        var counties = real.population.counties
        let capitol = try #require(counties["09110"])
        counties["09110"] = PopulationTable.Row(geoid: "09110", stateName: capitol.stateName, name: capitol.name, base2020: 1000, estimate: 1000)
        let g = try gazetteer(root: Fixtures.root, population: PopulationTable(vintage: "test", counties: counties, states: [:]))
        var notes: [String] = []
        let shares = CountyJoin(gazetteer: g).placeShares("0937000", overlay: .init(placeGEOID: "0937000", areaShares: ["09110": 1]), notes: &notes)
        #expect(shares.map(\.coverage) == [1] && shares.first?.basis == "area")
        #expect(notes == ["coverage of county 09110 estimated by area at 121.054 of its people, capped at 1"])
        // With the real table, no cap and no note.
        var none: [String] = []
        let realShares = CountyJoin(gazetteer: real).placeShares("0937000", overlay: .init(placeGEOID: "0937000", areaShares: ["09110": 1]), notes: &none)
        #expect(none.isEmpty && (realShares.first?.coverage ?? 1) < 0.2)
        // A place the crosswalk does not know: no people, said so.
        var unknown: [String] = []
        _ = CountyJoin(gazetteer: real).placeShares("0999999", overlay: .init(placeGEOID: "0999999", areaShares: ["09110": 1]), notes: &unknown)
        #expect(unknown == ["place 0999999 is not in the 2020 place × county crosswalk: its people are not known and count as 0"])
    }

    @Test func joinEstimatesReachTheCoverageNotes() throws {
        let newest = try Fixtures.newest.get()
        var matched = newest.matched
        let i = try #require(matched.firstIndex { $0.agreement.agencyName == "Tampa Police Department" })
        matched[i].jurisdiction.joinNotes = ["coverage of county 12057 estimated by area at 1.2 of its people, capped at 1"]
        let r = try CoverageRun(gazetteer: try Fixtures.gazetteer.get())
            .coverage(MatchedSheet(sheet: newest.sheet, matched: matched), pending: nil, options: CoverageOptions(model: .all, state: "FL"))
        #expect(r.notes.last == "County join estimates: Tampa city, FL: coverage of county 12057 estimated by area at 1.2 of its people, capped at 1.")
        // The reference data needs no such estimate on the newest sheet.
        let plain = try CoverageRun(gazetteer: try Fixtures.gazetteer.get()).coverage(newest, pending: nil, options: CoverageOptions(model: .all))
        #expect(!plain.notes.contains { $0.hasPrefix("County join estimates") })
    }
}
