import Foundation
import Geo287Core
import Geo287TestSupport
import Testing
@testable import Geo287Sheets

/// Sheets read with a shared `AgreementMemo` are the sheets read without it, byte for byte.
@Suite struct AgreementMemoTests {
    /// Every field of a sheet, strings as their bytes (Swift's `==` on strings would call two
    /// spellings of one text equal).
    static func fields(_ sheet: Sheet) -> [UInt8] {
        Array("\(sheet.path)|\(sheet.kind)|\(String(describing: sheet.published))|\(String(describing: sheet.publishedTimestamp))|\(sheet.agreements)|\(sheet.warnings)".utf8)
    }

    /// Reads `paths` on `threads` threads with `memo` and checks each sheet against `plain`.
    static func expectSame(_ paths: [String], _ plain: [[UInt8]], memo: AgreementMemo, threads: Int, _ pass: String) throws {
        let read = try Parallel.map(paths, threads: threads) { path in fields(try SheetReader.read(path: path, memo: memo)) }
        for (k, path) in paths.enumerated() {
            #expect(read[k] == plain[k], "\(pass): \(path) differs from the sheet read without the memo")
        }
    }

    /// Reads the sheets of `folder` with a memo on one thread (cold: every distinct row built
    /// once, one shard), then on two (warm for the first shard, cold for the second), each time
    /// checked against the sheets read without one.
    static func checkFolder(_ folder: String) throws -> (rows: Int, distinct: Int, sheets: Int) {
        let paths = try SheetReader.sheetPaths(inFolder: folder)
        let sheets = try paths.map { try SheetReader.read(path: $0) }
        let plain = sheets.map(fields)
        let memo = AgreementMemo()
        try expectSame(paths, plain, memo: memo, threads: 1, "cold, 1 thread")
        let distinct = memo.count
        try expectSame(paths, plain, memo: memo, threads: 2, "warm, 2 threads")
        #expect(memo.count <= 2 * distinct, "at most one shard per thread")
        return (sheets.map(\.rows).reduce(0, +), distinct, sheets.count)
    }

    @Test("every sheet of the embedded root, read with the memo cold on 1 thread then warm on 2, equals the sheet read without it")
    func embeddedSheets() throws {
        let (rows, distinct, sheets) = try Self.checkFolder(ReferenceData.embeddedPath + "/ice")
        // 60 sheets (34 participating, 26 pending), 33,586 rows, of which 5,488 distinct (cells
        // of the header's columns, header layout, kind).
        #expect(sheets == 60)
        #expect(rows == 33_586)
        #expect(distinct == 5_488)
    }

    @Test("every sheet of the full data, read with the memo cold on 1 thread then warm on 2, equals the sheet read without it",
          ReferenceData.needsFullData)
    func fullDataSheets() throws {
        let (rows, distinct, _) = try Self.checkFolder(ReferenceData.fullCandidate + "/ice")
        #expect(distinct > 0 && distinct < rows / 5)
    }

    /// A participating sheet whose rows 2 to 4 print the same texts: row 3 links another MOA,
    /// row 4 has another SIGNED date; rows 5 and 6 spell one agency name with other bytes
    /// (precomposed and decomposed é).
    static func lookalikes(_ dir: TempDir) throws -> String {
        let header = TestWorkbook.inlineRow(1, ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"])
        func row(_ r: Int, signed: Int, agency: String = "Miami Police Dept.") -> String {
            let texts = ["FLORIDA", agency, "Municipality", "Miami-Dade County", "Task Force Model"]
            let cells = texts.enumerated().map { i, v in #"<c r="\#(CellName.of(i))\#(r)" t="inlineStr"><is><t>\#(v)</t></is></c>"# }
            return #"<row r="\#(r)">"# + cells.joined() + #"<c r="F\#(r)"><v>\#(signed)</v></c><c r="G\#(r)" t="inlineStr"><is><t>MOA</t></is></c></row>"#
        }
        let rows = [row(2, signed: 45785), row(3, signed: 45785), row(4, signed: 45786),
                    row(5, signed: 45785, agency: "Caf\u{E9} PD"), row(6, signed: 45785, agency: "Cafe\u{301} PD")]
        let links = (2...6).map { r in #"<hyperlink ref="G\#(r)" r:id="rId\#(r)"/>"# }.joined()
        let path = dir.file("participating-2025-06-12.xlsx")
        try TestZip.write(
            TestWorkbook.members(sheetData: header + rows.joined(), hyperlinks: "<hyperlinks>\(links)</hyperlinks>",
                                 links: [("rId2", "https://www.ice.gov/a.pdf"), ("rId3", "https://www.ice.gov/b.pdf"),
                                         ("rId4", "https://www.ice.gov/a.pdf"), ("rId5", "https://www.ice.gov/a.pdf"),
                                         ("rId6", "https://www.ice.gov/a.pdf")]),
            to: path)
        return path
    }

    @Test("rows with the same texts but another hyperlink, SIGNED cell or bytes are not merged; duplicates are still warned about, warm too")
    func lookalikeRowsStayApart() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try Self.lookalikes(dir)
        let plain = try SheetReader.read(path: path)
        let memo = AgreementMemo()
        for pass in ["cold", "warm"] {
            let sheet = try SheetReader.read(path: path, memo: memo)
            #expect(Self.fields(sheet) == Self.fields(plain), "\(pass)")
            let a = sheet.agreements
            try #require(a.count == 5)
            #expect(a.map(\.row) == [2, 3, 4, 5, 6])
            #expect(a.map(\.moaURL) == ["https://www.ice.gov/a.pdf", "https://www.ice.gov/b.pdf", "https://www.ice.gov/a.pdf",
                                        "https://www.ice.gov/a.pdf", "https://www.ice.gov/a.pdf"])
            #expect(a.map { $0.signed?.description } == ["2025-05-08", "2025-05-08", "2025-05-09", "2025-05-08", "2025-05-08"])
            #expect(Array(a[3].agencyName.utf8) == Array("Caf\u{E9} PD".utf8))
            #expect(Array(a[4].agencyName.utf8) == Array("Cafe\u{301} PD".utf8))
            #expect(sheet.warnings.map(\.description) == [
                "row 3: same agency and support type as row 2 (duplicate row)",
                "row 4: same agency and support type as row 2 (duplicate row)",
                "row 6: same agency and support type as row 5 (duplicate row)",
            ], "\(pass)")
        }
        // Rows 2, 3, 4 and 5 are four entries; row 6 (the same text as row 5 in Swift's eyes) a fifth.
        #expect(memo.count == 5)
    }

    @Test("the same row read for two publication dates keeps each date's plausibility (the memo is keyed by it)")
    func publicationDateBoundsSignedDates() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try Self.lookalikes(dir)
        let memo = AgreementMemo()
        let late = try SheetReader.read(path: path, published: SignedDate(iso: "2025-06-12"), memo: memo)
        let early = try SheetReader.read(path: path, published: SignedDate(iso: "2024-01-01"), memo: memo)
        #expect(late.agreements.first?.signed?.description == "2025-05-08")
        #expect(early.agreements.first?.signed == nil)
        #expect(early.warnings.contains { $0.row == 2 && $0.message == "SIGNED 2025-05-08 is implausible (a year typo?); left unset" })
        #expect(Self.fields(early) == Self.fields(try SheetReader.read(path: path, published: SignedDate(iso: "2024-01-01"))))
    }

    @Test("a row met again shares the earlier sheet's box, at its own row number; equal to the sheet read without the memo")
    func repeatedRowsShareStorage() throws {
        let memo = AgreementMemo()
        let before = try SheetReader.read(path: TestData.path("participating-2026-04-30.xlsx"), memo: memo)
        let after = try SheetReader.read(path: TestData.path("participating-2026-05-18.xlsx"), memo: memo)
        #expect(Self.fields(after) == Self.fields(try TestData.sheet("participating-2026-05-18.xlsx")))
        let byName = Dictionary(grouping: before.agreements, by: \.agencyName)
        var shared = 0, moved = 0
        for a in after.agreements {
            guard let twin = byName[a.agencyName]?.first(where: { $0.sharesStorage(with: a) }) else { continue }
            shared += 1
            if twin.row != a.row { moved += 1 }
            // One box, two row numbers: equal only where the rows are.
            #expect((twin == a) == (twin.row == a.row))
        }
        // 1,843 rows on 2026-05-18: 1,637 of them are rows of 2026-04-30 (byte for byte), 1,549 at another row number.
        #expect(after.agreements.count == 1_843)
        #expect(shared == 1_637)
        #expect(moved == 1_549)
    }

    @Test("a row whose SIGNED date one sheet's date makes implausible keeps its date on the sheets read after it")
    func implausibleDateLeavesTheEntryAlone() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try Self.lookalikes(dir)
        let memo = AgreementMemo()
        let early = try SheetReader.read(path: path, published: SignedDate(iso: "2024-01-01"), memo: memo)
        let late = try SheetReader.read(path: path, published: SignedDate(iso: "2025-06-12"), memo: memo)
        #expect(early.agreements.allSatisfy { $0.signed == nil })
        #expect(late.agreements.map { $0.signed?.description } == ["2025-05-08", "2025-05-08", "2025-05-09", "2025-05-08", "2025-05-08"])
        #expect(!late.warnings.contains { $0.message.contains("implausible") })
        #expect(Self.fields(late) == Self.fields(try SheetReader.read(path: path, published: SignedDate(iso: "2025-06-12"))))
    }
}
