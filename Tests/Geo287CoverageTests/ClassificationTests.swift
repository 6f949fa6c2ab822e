import Foundation
import Geo287Census
import Geo287Core
import Geo287Coverage
@testable import Geo287Jurisdictions
import Geo287Sheets
import Geo287TestSupport
import Testing

/// Classification rules found by running every bundled sheet (issue 13): each case is checked
/// on every sheet it appears on, not only the newest.
@Suite struct ClassificationTests {
    static let root = ReferenceData.root

    /// Every agreement of every participating and pending sheet whose agency matches `name`.
    static func everywhere(_ name: (String) -> Bool) throws -> [(sheet: String, matched: MatchedAgreement)] {
        let gazetteer = try Gazetteer.load(root)
        let matcher = JurisdictionMatcher(gazetteer: gazetteer)
        let paths = try SheetReader.sheetPaths(inFolder: root.path("ice"))
        return try paths.flatMap { path -> [(sheet: String, matched: MatchedAgreement)] in
            let wanted = try SheetReader.read(path: path).agreements.filter { name($0.agencyName) }
            return try matcher.match(wanted).map { ((path as NSString).lastPathComponent, $0) }
        }
    }

    @Test func keywordsMatchWholeWords() throws {
        // `port police` is not in `North Port Police`; `port` is not in `Davenport` or `Gulfport`.
        let found = try Self.everywhere { ["North Port Police Department", "Davenport Police Department", "Gulfport Police Department"].contains($0) }
        #expect(Set(found.map(\.matched.agreement.agencyName)).count == 3)
        for f in found {
            #expect(f.matched.jurisdiction.level == .municipal && f.matched.jurisdiction.reach.countsResidents,
                    "\(f.sheet): \(f.matched.agreement.agencyName) is \(f.matched.jurisdiction.level)")
        }
        #expect(AgencyClassifier.hasWords("lee county port authority police", "port authority"))
        #expect(!AgencyClassifier.hasWords("north port police department", "port authority"))
        #expect(AgencyClassifier.hasWords("greene township constabless office", "constable"))
        #expect(!AgencyClassifier.hasWords("schoolcraft county sheriffs office", "school"))
    }

    @Test func agenciesNamedAsStateAgenciesAreStatewideOnEverySheet() throws {
        let names = ["Arkansas State Police", "Arkansas State Police Department", "Louisiana Alcohol and Tobacco Control",
                     "Indiana State Police Department", "West Virginia State Police Department"]
        let found = try Self.everywhere { names.contains($0) }
        #expect(found.contains { $0.sheet == "participating-2025-07-11.xlsx" && $0.matched.agreement.agencyName.hasPrefix("Arkansas") })
        for f in found {
            let j = f.matched.jurisdiction
            #expect(j.level == .state && j.geoid == f.matched.agreement.state?.fips && j.reach == .wholeCounties,
                    "\(f.sheet): \(f.matched.agreement.agencyName) typed \(f.matched.agreement.agencyType) is \(j.level) \(j.geoid ?? "-")")
        }
        // A city named after its state stays a city.
        let beach = Agreement.manual(row: 2, state: USState.usps("VA") ?? USState.all[0], agencyName: "Virginia Beach Police Department",
                                     agencyType: .municipal, county: nil, model: .taskForce)
        #expect(AgencyClassifier.classify(beach).level == .municipal)
    }

    @Test func aCountysOwnCorrectionsUnitIsThatCounty() throws {
        let found = try Self.everywhere { $0.hasPrefix("Miami Dade Corrections") }
        #expect(found.contains { $0.sheet == "participating-2025-03-01.xlsx" } && found.count >= 10)
        for f in found { #expect(f.matched.jurisdiction.geoid == "12086", "\(f.sheet): \(f.matched.jurisdiction.geoid ?? "-")") }
    }
}
