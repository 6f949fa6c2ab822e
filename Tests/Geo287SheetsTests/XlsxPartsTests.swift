import Foundation
import Geo287Core
import Testing
@testable import Geo287Sheets

/// The worksheet, its relationships and the zip members read on the fast paths give exactly
/// what the XML says: relationship ids of any shape, references in targets and modes,
/// prefixed element names, members larger than they claim.
@Suite struct XlsxPartsTests {
    static let relType = TestWorkbook.relType + "/hyperlink"

    /// A workbook whose worksheet and worksheet relationships are `sheet` and `rels` as written.
    func read(sheet: String, rels: String) throws -> XlsxReader.Result {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("parts.xlsx")
        let members = TestWorkbook.members(sheetData: "").map { member -> (String, [UInt8]) in
            switch member.0 {
            case "xl/worksheets/list.xml": return (member.0, Array(sheet.utf8))
            case "xl/worksheets/_rels/list.xml.rels": return (member.0, Array(rels.utf8))
            default: return member
            }
        }
        try TestZip.write(members, to: path)
        return try XlsxReader.read(path: path)
    }

    func rels(_ entries: [(id: String, target: String, mode: String)]) -> String {
        #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + entries.map { #"<Relationship Id="\#($0.id)" Type="\#(Self.relType)" Target="\#($0.target)" TargetMode="\#($0.mode)"/>"# }.joined()
            + "</Relationships>"
    }

    func links(_ table: RawTable) -> [String: String] {
        var out: [String: String] = [:]
        for row in table.rows {
            for (column, cell) in row.cells { if let link = cell.link { out["\(CellRef.name(column: column))\(row.number)"] = link } }
        }
        return out
    }

    @Test func relationshipIdsOfAnyShapeFindTheirTargets() throws {
        let rows = (2...9).map { #"<row r="\#($0)"><c r="G\#($0)" t="inlineStr"><is><t>link</t></is></c></row>"# }.joined()
        let hyperlinks = [("G2", "link7"), ("G3", "rId07"), ("G4", "rId3"), ("G5", "rId&#51;"), ("G6", "rId99"),
                          ("G7", "rId7"), ("G8", "rId2x"), ("G9", "rId0")]
            .map { #"<hyperlink ref="\#($0.0)" r:id="\#($0.1)"/>"# }.joined()
        let sheet = "<worksheet \(TestWorkbook.ns)><sheetData>\(rows)</sheetData><hyperlinks>\(hyperlinks)</hyperlinks></worksheet>"
        let result = try read(sheet: sheet, rels: rels([
            ("link7", "https://a.gov/link7.pdf", "External"),
            ("rId07", "https://a.gov/zero7.pdf", "External"),
            ("rId3", "https://a.gov/first3.pdf", "External"),
            ("rId3", "https://a.gov/x.pdf?a=1&amp;b=2", "External"),      // a repeated id: the last wins
            ("rId7", "https://a.gov/seven.pdf", "Extern&#97;l"),          // a mode spelled with a reference
            ("rId2x", "https://a.gov/2x.pdf", "External"),
            ("rId0", "../media/zero.pdf", "Internal"),                    // not external: resolved
        ]))
        #expect(links(result.table) == [
            "G2": "https://a.gov/link7.pdf", "G3": "https://a.gov/zero7.pdf", "G4": "https://a.gov/x.pdf?a=1&b=2",
            "G5": "https://a.gov/x.pdf?a=1&b=2", "G7": "https://a.gov/seven.pdf", "G8": "https://a.gov/2x.pdf",
            "G9": "xl/media/zero.pdf",
        ])
        #expect(result.table.warnings.map(\.message) == ["hyperlink at G6 names a missing relationship rId99"])
    }

    @Test func prefixedWorksheetReadsLikeAPlainOne() throws {
        let ns = #"xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
        let sheet = """
        <x:worksheet \(ns)><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>FLORIDA</x:t>\
        <x:rPh sb="0" eb="1"><x:t>phonetic</x:t></x:rPh></x:is></x:c><x:c r="C1" x:t="str"><x:f>A1</x:f><x:v>a &amp; b</x:v></x:c>\
        <x:c r="D1"><x:v> 45785 </x:v></x:c><x:c r="E1" t="b"><x:v>1</x:v></x:c><x:c r="F1" t="e"><x:v>#N/A</x:v></x:c></x:row>\
        <x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[<raw>]]></x:t></x:is></x:c><x:c r="B2"/></x:row></x:sheetData>\
        <x:hyperlinks><x:hyperlink ref="A1:A2" r:id="rId5"/></x:hyperlinks></x:worksheet>
        """
        let table = try read(sheet: sheet, rels: rels([("rId5", "https://a.gov/m.pdf", "External")])).table
        #expect(table.rows.map(\.number) == [1, 2])
        let first = table.rows[0].cells
        #expect(first.keys == [0, 2, 3, 4, 5])
        #expect(first[0]?.value == .text("FLORIDA") && first[2]?.value == .text("a & b"))
        #expect(first[3]?.value == .number("45785") && first[4]?.value == .bool(true) && first[5]?.value == .error("#N/A"))
        #expect(table.rows[1].cells[0]?.value == .text("<raw>"))
        #expect(links(table) == ["A1": "https://a.gov/m.pdf", "A2": "https://a.gov/m.pdf"])
        #expect(table.warnings.isEmpty)
    }

    @Test func valuesReadInOneStepOrTokenByTokenAlike() throws {
        let cells = [#"<c r="A1"><v>12</v></c>"#, #"<c r="B1"><v></v></c>"#, #"<c r="C1"><v>1<!--x-->2</v></c>"#,
                     #"<c r="D1"><v>5</v ></c>"#, #"<c r="E1" t="s"><v>1</v></c>"#, #"<c r="F1"><v>3&#48;</v></c>"#,
                     #"<c r="G1" t="str"><v><![CDATA[a]]></v></c>"#, #"<c r="H1"><v>8</v><v>9</v></c>"#]
        let sheet = "<worksheet \(TestWorkbook.ns)><sheetData><row r=\"1\">\(cells.joined())</row></sheetData></worksheet>"
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("values.xlsx")
        try TestZip.write(TestWorkbook.members(sheetData: "", strings: ["<t>zero</t>", "<t>one</t>"]).map {
            $0.0 == "xl/worksheets/list.xml" ? ($0.0, Array(sheet.utf8)) : $0
        }, to: path)
        let row = try #require(try XlsxReader.read(path: path).table.rows.first).cells
        #expect(row[0]?.value == .number("12"))
        #expect(row[1] != nil && row[1]?.value == nil)
        #expect(row[2]?.value == .number("1<!--x-->2"))      // the raw span from the first text to the last
        #expect(row[3]?.value == .number("5"))
        #expect(row[4]?.value == .text("one"))
        #expect(row[5]?.value == .number("30"))
        #expect(row[6]?.value == .text(""))                  // CDATA is not a value's text
        #expect(row[7]?.value == .number("8</v><v>9"))       // two <v>: the span from the first to the last
    }

    @Test func relationshipTableKeepsTheLastOfARepeatedIdInDocumentOrder() {
        var table = Relationships()
        for (id, target) in [("rId2", "a"), ("x", "b"), ("rId2", "c"), ("x", "d"), ("rId10", "e"), ("rId010", "f")] {
            table.set(id, Relationship(type: "", target: target, external: true))
        }
        #expect(table.values.map(\.target) == ["c", "d", "e", "f"])
        #expect(table["rId2"]?.target == "c" && table["x"]?.target == "d")
        #expect(table["rId10"]?.target == "e" && table["rId010"]?.target == "f" && table["rId1"] == nil)
        let number = { (id: String) in Array(id.utf8).withUnsafeBufferPointer { Relationships.number($0) } }
        #expect(number("rId0") == 0 && number("rId1359") == 1359)
        #expect(number("rId") == nil && number("rId01") == nil && number("rid1") == nil && number("rId1a") == nil)
        #expect(number("rId1048575") == 1_048_575 && number("rId1048576") == nil && number("rId99999999") == nil)
    }
}
