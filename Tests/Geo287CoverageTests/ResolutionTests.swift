import Foundation
import Geo287Core
@testable import Geo287Jurisdictions
import Geo287Sheets
import Geo287TestSupport
import Testing

/// ICE misspellings and institutions, placed right on every sheet they appear on: each case is
/// found in all the ICE sheets of the data root (participating and pending, names as printed
/// on each), matched, and checked row by row. The row counts are those of the 60 ICE sheets
/// (the same in the embedded root and the full reference data).
@Suite struct ResolutionAcrossSheetsTests {
    /// Every agreement of every sheet, with the sheet's file name and the normalized agency name.
    static let all: Result<[(sheet: String, key: String, agreement: Agreement)], any Error> = Result {
        try SheetReader.sheetPaths(inFolder: Fixtures.root.path("ice")).flatMap { path in
            let sheet = try SheetReader.read(path: path)
            return sheet.agreements.map { (sheet.fileName, NameKey.normalize($0.agencyName), $0) }
        }
    }

    /// The rows of state `usps` whose normalized agency name `isCase` accepts, matched.
    func matched(_ usps: String, _ isCase: (String) -> Bool) throws -> [(sheet: String, m: MatchedAgreement)] {
        let rows = try Self.all.get().filter { $0.agreement.state?.usps == usps && isCase($0.key) }
        let out = try JurisdictionMatcher(gazetteer: try Fixtures.gazetteer.get()).match(rows.map(\.agreement))
        return zip(rows, out).map { ($0.sheet, $1) }
    }

    @Test func sheetsAreAllThere() throws {
        // 60 sheets; pending-2025-11-20 has no rows.
        #expect(try SheetReader.sheetPaths(inFolder: Fixtures.root.path("ice")).count == 60)
        #expect(Set(try Self.all.get().map(\.sheet)).count == 59)
    }

    @Test func pittsburghNewHampshireIsPittsburgTownCoosCounty() throws {
        // ICE writes `Pittsburgh`; the town is Pittsburg (Coos County), a county subdivision
        // without a place polygon: placed in its county, its people not counted.
        let rows = try matched("NH") { $0.hasPrefix("pittsburg") }
        #expect(rows.count == 30 && Set(rows.map(\.sheet)).count == 30)
        for (sheet, m) in rows {
            let j = m.jurisdiction
            #expect(j.geoid == "33007" && j.level == .municipal && j.method == .fallbackCounty, "\(sheet): \(j.geoid ?? "nil") \(j.method)")
            #expect(j.reason.contains("read as Pittsburg town"))
            #expect(j.reach == .unmappedTown)
        }
    }

    @Test func universityOfCentralFloridaIsOrangeCounty() throws {
        let rows = try matched("FL") { $0.hasPrefix("university of central florida") }
        // 7 rows as the Board of Trustees (no COUNTY cell), 21 as the police department (cell Orange County).
        #expect(rows.filter { $0.m.agreement.agencyName.hasSuffix("Board of Trustees") }.count == 7)
        #expect(rows.count == 28)
        for (sheet, m) in rows {
            #expect(m.jurisdiction.geoid == "12095" && m.jurisdiction.level == .other, "\(sheet): \(m.agreement.agencyName)")
        }
        #expect(rows.filter { $0.m.jurisdiction.method == .override }.count == 7)
    }

    @Test func albemarleDistrictJailIsPasquotankCounty() throws {
        // North Carolina has no Albemarle County; the district jail is in Elizabeth City. Two
        // spellings (`Albermarle` on 5 sheets), with and without the COUNTY cell.
        let rows = try matched("NC") { $0.hasSuffix("district jail") && $0.hasPrefix("alb") }
        #expect(rows.count == 33)
        #expect(Set(rows.map(\.m.agreement.agencyName)) == ["Albemarle District Jail", "Albermarle District Jail"])
        for (sheet, m) in rows {
            let j = m.jurisdiction
            #expect(j.geoid == "37139" && j.level == .other && j.method == .override, "\(sheet): \(j.geoid ?? "nil")")
            #expect(j.name == "Pasquotank County, NC")
        }
    }

    @Test func virginiaDOCLawEnforcementServicesIsTheDepartmentOfCorrections() throws {
        let doc = try matched("VA") { $0.hasPrefix("virginia doc") || $0.hasPrefix("virginia department of corrections") }
        let les = doc.filter { $0.m.agreement.agencyName == "Virginia DOC Law Enforcement Services" }
        #expect(les.count == 20 && doc.count == 45)
        // Resolved alike: a state corrections agency, listed statewide, never resident coverage.
        for (sheet, m) in doc {
            let j = m.jurisdiction
            #expect(j.geoid == "51" && j.level == .other && j.method == .nameDerived, "\(sheet): \(m.agreement.agencyName)")
            #expect(j.reason.contains("state corrections agency") && j.reach == .notCounted(.corrections))
        }
    }

    @Test func lowerBurrellWardConstableIsWestmorelandCounty() throws {
        // 22 rows with the COUNTY cell, 4 without (two spellings): the same county on every sheet.
        let rows = try matched("PA") { $0.hasPrefix("lower burrell") && $0.contains("constable") }
        #expect(rows.count == 26)
        #expect(rows.filter { $0.m.agreement.countyAsPrinted == nil }.count == 4)
        for (sheet, m) in rows {
            let j = m.jurisdiction
            #expect(j.geoid == "42129" && j.level == .other && j.reach == .notCounted(.constables), "\(sheet): \(j.geoid ?? "nil") \(j.reason)")
        }
        let fromName = try #require(rows.first { $0.m.agreement.countyAsPrinted == nil }).m.jurisdiction
        #expect(fromName.reason.contains("Lower Burrell city from the agency name, in Westmoreland County"))
    }

    @Test func everyOverrideIsUsedOnSomeSheetAndPointsAtRealGeography() throws {
        let g = try Fixtures.gazetteer.get()
        for o in Override.table {
            let rows = try matched(o.state) { o.names.contains($0) }
            for n in o.names {
                #expect(rows.contains { NameKey.normalize($0.m.agreement.agencyName) == n },
                        "override name `\(n)` (\(o.state)) matches no agreement of any sheet")
            }
            #expect(rows.allSatisfy { $0.m.jurisdiction.method == .override && $0.m.jurisdiction.reason == "override: \(o.reason)" })
            for id in o.geoids {
                switch id.count {
                case 2: #expect(USState.fips(id) != nil)
                case 5: #expect(g.countyByGEOID[id] != nil, "\(id)")
                default: #expect(try g.place(geoid: id) != nil, "\(id)")
                }
            }
        }
    }
}

/// The mechanisms behind those fixes, on single hand-made rows.
@Suite struct ResolutionRuleTests {
    func resolve(_ agency: String, _ state: String, _ type: AgencyType, county: String? = nil) throws -> Jurisdiction {
        let a = Fixtures.synthetic(agency: agency, state: state, type: type, county: county)
        return try #require(try JurisdictionMatcher(gazetteer: try Fixtures.gazetteer.get()).match([a]).first).jurisdiction
    }

    @Test func aMisspelledTownIsReadOnlyWhenOneTownIsClosest() throws {
        let j = try resolve("Pittsburgh Police Department", "NH", .municipal)
        #expect(j.geoid == "33007" && j.method == .fallbackCounty)
        // A COUNTY cell that does not hold the near town keeps the cell (no guess across counties).
        let cell = try resolve("Pittsburgh Police Department", "NH", .municipal, county: "Carroll County")
        #expect(cell.geoid == "33003" && !cell.reason.contains("read as"))
    }

    @Test func wardWordsAreNotPartOfThePlace() {
        #expect(JurisdictionMatcher.withoutWard("lower burrell fourth ward") == "lower burrell")
        #expect(JurisdictionMatcher.withoutWard("office of constable monroeville 6th ward") == "monroeville")
        #expect(JurisdictionMatcher.withoutWard("ward 2 harrisburg") == "harrisburg")
        #expect(JurisdictionMatcher.withoutWard("edwardsville") == "edwardsville")
    }

    @Test func aPlaceConstableIsPlacedInTheCountyOfItsPlace() throws {
        let j = try resolve("Lower Burrell Fourth Ward Constable", "PA", .municipal)
        #expect(j.geoid == "42129" && j.level == .other && j.method == .nameDerived)
    }

    @Test func docIsADepartmentOfCorrections() throws {
        let j = try resolve("Virginia DOC Law Enforcement Services", "VA", .state)
        #expect(j.geoid == "51" && j.level == .other)
        // The same name without `DOC` is a statewide state agency: the rule is the abbreviation.
        #expect(try resolve("Virginia Law Enforcement Services", "VA", .state).level == .state)
    }
}
