import Geo287Core
import Testing
@testable import Geo287Sheets

@Suite struct UnitTests {
    @Test func states() {
        #expect(USState.all.count == 56)
        #expect(Set(USState.all.map(\.usps)).count == 56)
        #expect(USState.named("WEST VIRIGINIA")?.usps == "WV")
        #expect(USState.named("UTAh")?.usps == "UT")
        #expect(USState.named("PENNSLYVANIA")?.fips == "42")
        #expect(USState.named("TEXAS  ")?.usps == "TX")
        #expect(USState.named("north  carolina")?.usps == "NC")
        #expect(USState.named("NORTHERN MARIANA ISLANDS")?.fips == "69")
        #expect(USState.named("GUAM")?.usps == "GU")
        #expect(USState.named("District of Columbia")?.fips == "11")
        #expect(USState.named("U.S. Virgin Islands")?.usps == "VI")
        #expect(USState.named("ATLANTIS") == nil)
        #expect(USState.usps("ak")?.name == "Alaska")
        #expect(USState.fips("6")?.usps == "CA")
        #expect(USState.fips("72")?.usps == "PR")
    }

    @Test func excelSerials() {
        #expect(SignedDate(excelSerial: 45785)?.description == "2025-05-08")
        #expect(SignedDate(excelSerial: 45658)?.description == "2025-01-01")
        #expect(SignedDate(excelSerial: 61)?.description == "1900-03-01")
        #expect(SignedDate(excelSerial: 59)?.description == "1900-02-28")
        #expect(SignedDate(excelSerial: 60) == nil)
        #expect(SignedDate(excelSerial: 1)?.description == "1900-01-01")
        #expect(SignedDate(excelSerial: 45785.75)?.description == "2025-05-08")
        #expect(SignedDate(excelSerial: -3) == nil)
        #expect(SignedDate(excelSerial: .nan) == nil)
    }

    @Test func signedText() {
        func text(_ s: String) -> String? {
            switch SignedParser.parse(text: s) {
            case .date(let d): "\(d)"
            case .repaired(let d, _): "~\(d)"
            case .unreadable: nil
            }
        }
        #expect(text("2020-06-09") == "2020-06-09")
        #expect(text("05/082025") == "~2025-05-08")
        #expect(text("7/72025") == "~2025-07-07")
        #expect(text("7/7/2025") == "2025-07-07")
        #expect(text("2025-02-30") == nil)
        #expect(text("soon") == nil)
        #expect(text("13/012025") == nil)
        #expect(SignedDate(iso: "2025-06-12T23:13:56Z")?.description == "2025-06-12")
    }

    @Test func models() {
        #expect(SupportModel.parse("Jail Enforcement Model ") == .jailEnforcement)
        #expect(SupportModel.parse("Warrant Service Office") == .warrantService)
        #expect(SupportModel.parse("Warrant Services Officer") == .warrantService)
        #expect(SupportModel.parse("task-force") == .taskForce)
        #expect(SupportModel.parse("TFM") == .taskForce)
        #expect(SupportModel.parse("Other") == nil)
        #expect(SupportModel.allCases.sorted() == [.jailEnforcement, .warrantService, .taskForce])
        #expect(SupportModel.warrantService.displayName == "Warrant Service Officer")
    }

    @Test func agencyKeys() {
        #expect(NameKey.normalize("Collier County Sheriff\u{2019}s Office") == NameKey.normalize("Collier  County Sheriff's Office "))
        #expect(NameKey.normalize("Collier County Sheriffs Office") == "collier county sheriffs office")
        #expect(NameKey.normalize("Collier County Sheriff\u{02BC}s Office") == "collier county sheriffs office")
        #expect(NameKey.normalize("Miami\u{00A0}Police Dept.") == "miami police department")
        #expect(NameKey.normalize("Miami Police Dept") == NameKey.normalize("MIAMI POLICE DEPARTMENT"))
        #expect(NameKey.normalize("St. Lucie County Sheriff`s Office") == NameKey.normalize("Saint Lucie County Sheriff's Office"))
        #expect(NameKey.normalize("Do\u{00F1}a Ana County Sheriff\u{00B4}s Office") == "dona ana county sheriffs office")
        #expect(Text.trim("\nSchuylkill County  \u{00A0}") == "Schuylkill County")
    }

    @Test func cellReferences() {
        #expect(CellRef.parse("G17")?.column == 6)
        #expect(CellRef.parse("G17")?.row == 17)
        #expect(CellRef.parse("AA3")?.column == 26)
        #expect(CellRef.parse("3G") == nil)
        #expect(CellRef.name(column: 27) == "AB")
    }

    @Test func xmlEntities() throws {
        let bytes = Array("<a b=\"x&amp;y\">1 &lt; 2 &#x2019;&#65;</a>".utf8)
        var scanner = XMLScanner(bytes: bytes, path: "t", part: "p")
        guard case .start(let tag)? = try scanner.next() else { Issue.record("no start tag"); return }
        #expect(try scanner.attribute("b", of: tag) == "x&y")
        guard case .text(let range)? = try scanner.next() else { Issue.record("no text"); return }
        #expect(try scanner.text(range) == "1 < 2 \u{2019}A")
        #expect(XMLText.unescapeOOXML("a_x000D_b") == "a\rb")
    }
}

/// A sheet's file name read one way by the catalog, the reader and the downloader.
@Suite struct SheetNameTests {
    @Test func kindAndDateFromTheName() {
        #expect(SheetName.kind("ice/participating-2026-05-18.xlsx") == .participating)
        #expect(SheetName.kind("/x/Pending-2025-12-31-corrected.csv") == .pending)
        #expect(SheetName.kind("participatingAgencies05182026am.xlsx") == .participating)
        #expect(SheetName.kind("participating-and-pending.xlsx") == nil)
        #expect(SheetName.kind("agreements.xlsx") == nil)
        #expect(SheetName.date("ice/participating-2026-05-18.xlsx")?.description == "2026-05-18")
        #expect(SheetName.date("v12026-05-18.xlsx") == nil)            // run together with a digit
        #expect(SheetName.date("pending-2026-02-30.xlsx") == nil)      // not a date
        #expect(SheetName.date("2025-03-01 pending (2026-01-01).xlsx")?.description == "2025-03-01")
        #expect(SheetName.date("/data/2024-01-01/participating.xlsx") == nil)  // the folder does not count
    }
}
