import Foundation
import Geo287Core
import Testing
@testable import Geo287Sheets

/// Workbooks and CSV files built at run time: the reader's behaviour on shapes ICE has not
/// (yet) published, and bad input.
@Suite struct FixtureTests {
    @Test func workbookThroughRelationships() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let header = TestWorkbook.inlineRow(1, ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"])
        let data = """
        <row r="2" hidden="1"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>\
        <c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="s"><v>3</v></c><c r="F2" s="22"><v>45785</v></c><c r="G2" t="s"><v>4</v></c></row>
        <row r="3" s="5" customFormat="1"><c r="A3" s="5"/><c r="B3" t="s"><v>5</v></c></row>
        \(TestWorkbook.inlineRow(4, ["texas ", "Smith County Sheriff\u{2019}s Office", "County", "\nSmith County ", "Jail Enforcement Model", "2024-01-02", "link pending"]))
        """
        let strings = ["<t>FLORIDA</t>", "<r><t>Miami </t></r><r><rPr><b/></rPr><t>Police Dept.</t></r>", "<t>Municipality</t>",
                       "<t xml:space=\"preserve\">Task Force Model </t>", "<t>link</t>", "<t> </t>"]
        let safe = "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2Fm.pdf&amp;data=1"
        let path = dir.file("participating-2030-01-01.xlsx")
        try TestZip.write(
            TestWorkbook.members(sheetData: header + data, strings: strings,
                                 hyperlinks: #"<hyperlinks><hyperlink ref="G2" r:id="rId1"/></hyperlinks>"#,
                                 links: [("rId1", safe)]),
            to: path)
        let sheet = try SheetReader.read(path: path)
        #expect(sheet.rows == 2)
        #expect(sheet.kind == .participating)
        #expect(sheet.published?.description == "2025-06-12")
        let miami = try #require(sheet.agreements.first)
        #expect(miami.row == 2)
        #expect(miami.agencyName == "Miami Police Dept.")
        #expect(miami.agencyKey == "miami police department")
        #expect(miami.agencyType == .municipal)
        #expect(miami.countyAsPrinted == nil)
        #expect(miami.model == .taskForce)
        #expect(miami.signed?.description == "2025-05-08")
        #expect(miami.moaURL == "https://www.ice.gov/doclib/m.pdf")
        let smith = try #require(sheet.agreements.last)
        #expect(smith.row == 4 && smith.state?.usps == "TX" && smith.countyAsPrinted == "Smith County")
        #expect(smith.agencyKey == "smith county sheriffs office")
        #expect(smith.moaPending && smith.moaURL == nil)
        #expect(sheet.warnings.isEmpty, "\(sheet.warnings)")
    }

    @Test func csvInput() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("corrected.csv", """
        \u{FEFF}State,Law Enforcement Agency,Type,County,Support Type,Signed,MOA\r
        FLORIDA,"Collier County Sheriff's Office, FL",County,Collier County,Task Force Model,2025-02-26,https://www.ice.gov/a.pdf\r
        TX,"Say ""Hi"" PD",Municipality,,Warrant Service Officer,5/8/2025,link pending\r
        \r
        NARNIA,Nobody,County,,Other Model,,\r

        """)
        let sheet = try SheetReader.read(path: path)
        #expect(sheet.kind == .participating)
        #expect(sheet.rows == 3)
        #expect(sheet.agreements[0].agencyName == "Collier County Sheriff's Office, FL")
        #expect(sheet.agreements[0].moaURL == "https://www.ice.gov/a.pdf")
        #expect(sheet.agreements[1].agencyName == "Say \"Hi\" PD")
        #expect(sheet.agreements[1].state?.usps == "TX")
        #expect(sheet.agreements[1].signed?.description == "2025-05-08")
        let bad = sheet.agreements[2]
        #expect(bad.row == 5 && bad.state == nil && bad.model == nil && bad.signed == nil)
        #expect(Set(TestData.warnings(sheet, row: 5).compactMap(\.column)) == ["STATE", "SUPPORT TYPE", "SIGNED", "MOA"])
    }

    @Test func csvOutputReadsBack() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let original = try TestData.sheet("participating-2025-06-12.xlsx")
        let csv = ([Agreement.csvHeader] + original.agreements.map(\.csvFields))
            .map { $0.map(CSVWriter.field).joined(separator: ",") }.joined(separator: "\n")
        let path = try dir.write("participating-2025-06-12-corrected.csv", csv)
        let back = try SheetReader.read(path: path)
        #expect(back.rows == 698)
        #expect(SheetSummary(back).models == SheetSummary(original).models)
        #expect(back.agreements.map(\.moaURL) == original.agreements.map(\.moaURL))
        #expect(back.agreements.map(\.signed) == original.agreements.map(\.signed))
        #expect(back.agreements.map(\.agencyKey) == original.agreements.map(\.agencyKey))
    }

    // MARK: bad input: each is one DataError naming the file

    func failure(_ path: String) -> String? {
        do {
            _ = try SheetReader.read(path: path)
            return nil
        } catch let error as DataError {
            #expect(error.path == path)
            #expect(!error.description.contains("\n"))
            return error.message
        } catch {
            Issue.record("not a DataError: \(error)")
            return "\(error)"
        }
    }

    @Test func notAZip() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let message = failure(try dir.write("participating-x.xlsx", "STATE,AGENCY\nthis is not a zip\n"))
        #expect(message?.contains("not a zip") == true)
        #expect(failure(dir.file("missing.xlsx"))?.contains("not found") == true)
    }

    @Test func zipThatIsNotAWorkbook() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("pending-x.xlsx")
        try TestZip.write([("hello.txt", Array("hi".utf8))], to: path)
        #expect(failure(path)?.contains("not an xlsx workbook") == true)
    }

    @Test func missingHeaders() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("participating-x.xlsx")
        try TestZip.write(TestWorkbook.members(
            sheetData: TestWorkbook.inlineRow(1, ["NAME", "CITY"]) + TestWorkbook.inlineRow(2, ["a", "b"])), to: path)
        let message = failure(path)
        #expect(message?.contains("STATE, LAW ENFORCEMENT AGENCY, SUPPORT TYPE") == true, "\(message ?? "")")
        let csv = try dir.write("x.csv", "A,B\n1,2\n")
        #expect(failure(csv)?.contains("lacks") == true)
    }

    @Test func absurdPartSize() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("participating-x.xlsx")
        try TestZip.write(
            TestWorkbook.members(sheetData: TestWorkbook.inlineRow(1, ["STATE"])), to: path,
            claimedSizes: ["xl/worksheets/list.xml": 0xF000_0000])
        let message = failure(path)
        #expect(message?.contains("limit") == true, "\(message ?? "")")
    }

    @Test(arguments: [
        #"<!DOCTYPE lolz [<!ENTITY lol "lol">]>"#,
        #"<!ENTITY x SYSTEM "file:///etc/passwd">"#,
    ])
    func entityDeclarationsAreRejected(prefix: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("participating-x.xlsx")
        try TestZip.write(TestWorkbook.members(
            sheetData: TestWorkbook.inlineRow(1, ["STATE", "&lol;"]), sheetPrefix: prefix), to: path)
        let message = failure(path)
        #expect(message?.contains("DOCTYPE or ENTITY") == true, "\(message ?? "")")
    }

    @Test func undefinedEntityIsRejected() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("participating-x.xlsx")
        try TestZip.write(TestWorkbook.members(sheetData: TestWorkbook.inlineRow(1, ["STATE &lol;"])), to: path)
        #expect(failure(path)?.contains("undefined entity &lol;") == true)
    }

    @Test func emptySheetAndHeaderOnly() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let empty = dir.file("pending-empty.xlsx")
        try TestZip.write(TestWorkbook.members(sheetData: ""), to: empty)
        #expect(failure(empty)?.contains("empty") == true)
        let headerOnly = try TestData.sheet("pending-2025-11-20.xlsx")
        #expect(headerOnly.rows == 0 && headerOnly.warnings.isEmpty)
    }
}
