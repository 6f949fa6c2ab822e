import Testing
@testable import Geo287Sheets

/// Every archived ICE sheet, with the data-row count and docProps publication date (UTC) from
/// `shared/data/ice/README.md` (the `-from-html` files have no ICE date; they are dated by name).
let readmeSheets: [(file: String, rows: Int, published: String)] = [
    ("participating-2024-12-01-from-html.xlsx", 135, "2024-12-01"),
    ("participating-2025-01-19-from-html.xlsx", 135, "2025-01-19"),
    ("participating-2025-02-21.xlsx", 151, "2025-02-21"),
    ("participating-2025-03-01.xlsx", 239, "2025-02-26"),
    ("pending-2025-03-01.xlsx", 41, "2025-02-20"),
    ("participating-2025-03-17.xlsx", 360, "2025-03-17"),
    ("pending-2025-03-17.xlsx", 34, "2025-03-17"),
    ("participating-2025-03-31.xlsx", 427, "2025-03-31"),
    ("pending-2025-03-31.xlsx", 27, "2025-03-31"),
    ("participating-2025-04-11.xlsx", 445, "2025-04-11"),
    ("pending-2025-04-11.xlsx", 75, "2025-04-11"),
    ("participating-2025-04-29.xlsx", 506, "2025-04-29"),
    ("pending-2025-04-29.xlsx", 74, "2025-04-29"),
    ("pending-2025-05-14.xlsx", 92, "2025-05-14"),
    ("participating-2025-05-15.xlsx", 571, "2025-05-15"),
    ("participating-2025-05-28.xlsx", 628, "2025-05-28"),
    ("pending-2025-05-28.xlsx", 72, "2025-05-28"),
    ("participating-2025-06-12.xlsx", 698, "2025-06-12"),
    ("pending-2025-06-13.xlsx", 65, "2025-06-13"),
    ("participating-2025-06-27.xlsx", 737, "2025-06-27"),
    ("pending-2025-06-27.xlsx", 61, "2025-06-27"),
    ("participating-2025-07-11.xlsx", 805, "2025-07-11"),
    ("pending-2025-07-11.xlsx", 39, "2025-07-11"),
    ("participating-2025-07-25.xlsx", 866, "2025-07-25"),
    ("pending-2025-07-25.xlsx", 19, "2025-07-25"),
    ("participating-2025-08-13.xlsx", 897, "2025-08-13"),
    ("pending-2025-08-13.xlsx", 35, "2025-08-13"),
    ("participating-2025-08-29.xlsx", 956, "2025-08-29"),
    ("pending-2025-08-29.xlsx", 20, "2025-08-29"),
    ("participating-2025-09-10.xlsx", 1000, "2025-09-10"),
    ("pending-2025-09-10.xlsx", 8, "2025-09-10"),
    ("participating-2025-09-25.xlsx", 1035, "2025-09-25"),
    ("pending-2025-09-25.xlsx", 8, "2025-09-25"),
    ("participating-2025-10-09.xlsx", 1034, "2025-10-09"),
    ("pending-2025-10-09.xlsx", 56, "2025-10-09"),
    ("participating-2025-10-22.xlsx", 1097, "2025-10-22"),
    ("pending-2025-10-22.xlsx", 23, "2025-10-22"),
    ("participating-2025-11-07.xlsx", 1153, "2025-11-07"),
    ("pending-2025-11-07.xlsx", 2, "2025-11-07"),
    ("pending-2025-11-20.xlsx", 0, "2025-11-20"),
    ("participating-2025-11-21.xlsx", 1188, "2025-11-21"),
    ("participating-2025-12-05.xlsx", 1199, "2025-12-05"),
    ("pending-2025-12-05.xlsx", 20, "2025-12-05"),
    ("participating-2025-12-11.xlsx", 1245, "2025-12-11"),
    ("pending-2025-12-11.xlsx", 2, "2025-12-11"),
    ("participating-2025-12-31.xlsx", 1274, "2025-12-30"),
    ("pending-2025-12-31.xlsx", 24, "2025-12-31"),
    ("participating-2026-01-13.xlsx", 1317, "2026-01-13"),
    ("pending-2026-01-13.xlsx", 19, "2026-01-13"),
    ("participating-2026-01-26.xlsx", 1372, "2026-01-26"),
    ("pending-2026-01-26.xlsx", 3, "2026-01-26"),
    ("participating-2026-02-11.xlsx", 1414, "2026-02-11"),
    ("pending-2026-02-11.xlsx", 4, "2026-02-11"),
    ("participating-2026-02-27.xlsx", 1492, "2026-02-27"),
    ("pending-2026-02-27.xlsx", 2, "2026-02-27"),
    ("participating-2026-03-13.xlsx", 1517, "2026-03-13"),
    ("participating-2026-03-31.xlsx", 1604, "2026-03-31"),
    ("participating-2026-04-13.xlsx", 1651, "2026-04-13"),
    ("participating-2026-04-30.xlsx", 1770, "2026-04-30"),
    ("participating-2026-05-18.xlsx", 1843, "2026-05-18"),
]

@Suite struct SheetCountTests {
    /// Every sheet the README lists is in the folder; newer sheets (`geo287 data fetch ice`)
    /// may be there too and break nothing.
    @Test func folderHoldsEveryReadmeSheet() throws {
        let paths = try SheetReader.sheetPaths(inFolder: TestData.iceFolder)
        let names = Set(paths.map { String($0.split(separator: "/").last ?? "") })
        #expect(Set(readmeSheets.map(\.file)).subtracting(names).isEmpty)
        #expect(readmeSheets.count == 60)
    }

    @Test(arguments: readmeSheets)
    func readsReadmeRowCount(file: String, rows: Int, published: String) throws {
        let sheet = try TestData.sheet(file)
        #expect(sheet.rows == rows, "\(file)")
        #expect(sheet.published?.description == published, "\(file)")
        #expect(sheet.kind == (file.hasPrefix("pending") ? .pending : .participating))
        // No kind-mismatch warning on ICE's own files.
        #expect(!sheet.warnings.contains { $0.message.contains("looks like") }, "\(file)")
    }

    /// Every row has a state, a model and (participating) a signed date, or a warning naming that row.
    @Test(arguments: readmeSheets.map(\.file))
    func everyRowIsCompleteOrWarned(file: String) throws {
        let sheet = try TestData.sheet(file)
        let warned = Dictionary(grouping: sheet.warnings.compactMap { w in w.row.map { ($0, w.column) } }, by: \.0)
        for a in sheet.agreements {
            let columns = warned[a.row]?.map(\.1) ?? []
            if a.state == nil { #expect(columns.contains("STATE"), "\(file) row \(a.row)") }
            if a.model == nil { #expect(columns.contains("SUPPORT TYPE"), "\(file) row \(a.row)") }
            if sheet.kind == .participating, a.signed == nil {
                #expect(columns.contains("SIGNED"), "\(file) row \(a.row) has no signed date and no warning")
            }
            #expect(!a.agencyName.isEmpty)
        }
    }

    @Test func everyIceRowHasStateAndModel() throws {
        for (file, _, _) in readmeSheets {
            let sheet = try TestData.sheet(file)
            #expect(sheet.agreements.allSatisfy { $0.state != nil && $0.model != nil }, "\(file)")
        }
    }

    @Test func folderIsSortedByPublicationDate() throws {
        let sheets = try SheetReader.sheets(inFolder: TestData.iceFolder)
        #expect(sheets.count >= 60)
        let dates = sheets.compactMap(\.published)
        #expect(dates.count == sheets.count)
        #expect(dates == dates.sorted())
        // pending-2025-03-01 was saved 2025-02-20, before participating-2025-02-21.
        #expect(sheets[2].fileName == "pending-2025-03-01.xlsx")
        #expect(sheets[3].fileName == "participating-2025-02-21.xlsx")
        // The README's newest sheet comes after every older one (newer sheets may follow it).
        let newest = try #require(sheets.firstIndex { $0.fileName == "participating-2026-05-18.xlsx" })
        #expect(sheets[..<newest].allSatisfy { ($0.published?.description ?? "") <= "2026-05-18" })
    }
}
