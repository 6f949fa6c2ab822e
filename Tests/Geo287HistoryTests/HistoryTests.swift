import Foundation
import Geo287Coverage
import Geo287History
import Geo287Jurisdictions
import Geo287Maps
import Geo287Sheets
import Testing

/// The history of every sheet in the archive, built once for the suite.
enum HistoryFixture {
    static let built: Result<(History, AgreementLineages), any Error> = Result {
        let sheets = try HistorySheets.read(folder: HistoryTestData.root.path("ice"))
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        var lineages = AgreementLineages()
        let history = try History.build(sheets, matching: HistoryMatching(run: run)) { step in
            lineages.add(step.identified, matched: step.matched.matched, diff: step.diff)
        }
        return (history, lineages)
    }
    static func history() throws -> History { try built.get().0 }
    /// The agreements of every sheet followed across sheets (as `batch` follows them).
    static func lineages() throws -> AgreementLineages { try built.get().1 }
}

@Suite("History across every participating sheet")
struct HistoryTests {
    @Test("one row per participating sheet, in date order, counts equal SheetSummary")
    func countsEqualSummary() throws {
        let h = try HistoryFixture.history()
        // One row per participating sheet in the folder: 34 in the README's archive, more once
        // `geo287 data fetch ice` adds newer ones.
        let folder = try SheetReader.sheetPaths(inFolder: HistoryTestData.root.path("ice"))
        #expect(h.rows.count == folder.filter { $0.split(separator: "/").last?.hasPrefix("participating") == true }.count)
        #expect(h.rows.count >= 34)
        let dates = h.rows.compactMap(\.published)
        #expect(dates.count == h.rows.count && dates == dates.sorted())
        for r in h.rows {
            let fresh = SheetSummary(try SheetReader.read(path: r.sheet.path))
            for m in SupportModel.allCases {
                #expect(r.agreements(m) == fresh.model(m)?.agreements, "\(r.sheet.fileName) \(m)")
                #expect(r.states(m) == fresh.model(m)?.states, "\(r.sheet.fileName) \(m)")
            }
        }
    }

    @Test("history and the single-sheet commands pair every participating sheet with the same pending sheet")
    func pairingAgreesWithTheCatalog() throws {
        let sheets = try HistorySheets.read(folder: HistoryTestData.root.path("ice"))
        let catalog = try SheetCatalog(root: HistoryTestData.root)
        for p in sheets.participating {
            #expect(sheets.pending(for: p)?.path == (try catalog.pendingSheet(for: p))?.path, "\(p.fileName)")
        }
    }

    @Test("task force: 0 in the two -from-html sheets, 1,162 on 2026-05-18")
    func taskForceGrowth() throws {
        let h = try HistoryFixture.history()
        #expect(h.rows[0].sheet.fileName == "participating-2024-12-01-from-html.xlsx")
        #expect(h.rows[1].sheet.fileName == "participating-2025-01-19-from-html.xlsx")
        #expect(h.rows[0].agreements(.taskForce) == 0 && h.rows[1].agreements(.taskForce) == 0)
        #expect(h.rows[0].covered(.model(.taskForce)) == 0 && h.rows[1].covered(.model(.taskForce)) == 0)
        #expect(h.rows[2].agreements(.taskForce) == 11)            // 2025-02-21, the first ICE workbook
        let newest = try #require(h.rows.first { $0.sheet.fileName == "participating-2026-05-18.xlsx" })
        #expect(newest.agreements(.taskForce) == 1162)
        // No pending list before February 2025; pending-2026-02-27 stays listed to 2026-05-18.
        #expect(h.rows[0].pending == nil && h.rows[1].pending == nil)
        #expect(h.rows[2].pending?.sheet.fileName == "pending-2025-03-01.xlsx")   // same bytes as the one listed on 02-21
        #expect(h.rows.first { $0.sheet.fileName == "participating-2025-06-12.xlsx" }?.pending?.sheet.fileName == "pending-2025-06-13.xlsx")
        #expect(newest.pending?.sheet.fileName == "pending-2026-02-27.xlsx")
    }

    /// Where a model lost no agreement from one sheet to the next, its people covered did not
    /// fall. Every fall in the archive comes with removed agreements of that model; the pinned
    /// list says which, and the three large ones why.
    @Test("people covered are monotone where agreements only grew; every fall is explained")
    func monotone() throws {
        let h = try HistoryFixture.history()
        var falls: [String] = []
        for i in 1..<h.rows.count {
            let (a, b) = (h.rows[i - 1], h.rows[i])
            let diff = SheetDiff(old: a.sheet, new: b.sheet)
            for m in SupportModel.allCases {
                let removed = diff.entries(.removed).filter { $0.model == m.rawValue }
                let before = a.covered(.model(m)), after = b.covered(.model(m))
                if removed.isEmpty { #expect(after >= before, "\(b.sheet.fileName) \(m): no removals, yet \(before) → \(after)") }
                if after < before { falls.append("\(b.published?.description ?? "?") \(m.abbreviation)") }
            }
        }
        // Falls within the README's archive (sheets fetched later may add their own).
        #expect(falls.filter { $0 <= "2026-05-18~" } == [
            "2025-04-29 WSO",   // Kansas Bureau of Investigation (statewide, 2.9M) removed
            "2025-09-25 TFM",   // Brookfield (NC) and Fletcher (OK) police removed
            "2025-10-09 JEM",   // Florida's 6th Circuit State Attorney (prosecutors count county-wide: Pasco, Pinellas) removed
            "2025-10-09 WSO",   // Cambria County Sheriff's Office (PA) removed
            "2025-11-21 JEM",   // Morse PD (LA) and Sanpete County (UT) removed
            "2025-12-05 TFM",   // Brown County (NE) and three Pennsylvania boroughs removed
            "2026-01-26 TFM",   // Bucks County Sheriff's Office (PA) and two police departments removed
            "2026-02-11 TFM",   // Virginia State Police, Wildlife Resources and Marine Resources (statewide, 8.7M) removed
            "2026-02-27 JEM",   // Cecil, Frederick and Harford County (MD) jail agreements removed
            "2026-05-18 WSO",   // five Kentucky and two Maryland sheriffs removed
        ])
        // Virginia DOC Law Enforcement Services (removed 2026-03-13) is the corrections
        // department's unit, a facility agency, not statewide coverage.
        // Center Line Division of Public Safety (MI), typed "State" by ICE, is the city's police
        // (read as municipal), so its removal on 2025-11-07 is a small fall, not 10M people.
        let nov = h.rows.firstIndex { $0.sheet.fileName == "participating-2025-11-07.xlsx" } ?? 0
        let novDiff = SheetDiff(old: h.rows[nov - 1].sheet, new: h.rows[nov].sheet)
        #expect(novDiff.entries(.removed).contains { $0.id == "MI|center line division of public safety and security|task-force" })
    }

    @Test("table, CSV, JSON and SVG render every sheet; the SVG is deterministic and escaped")
    func outputs() throws {
        let h = try HistoryFixture.history()
        #expect(HistoryOutput.csv(h).split(separator: "\n").count == h.rows.count + 1)
        #expect(HistoryOutput.table(h).contains("participating-2026-05-18.xlsx"))
        #expect(HistoryOutput.json(h).rendered().contains("\"all_covered\""))
        let svg = HistoryChart.svg(h)
        #expect(svg == HistoryChart.svg(h))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let last = try #require(h.rows.last?.published?.description)
        #expect(svg.contains("<title>287(g) agreements and people covered, 2024-12-01 to \(last)</title>"))
        #expect(svg.contains("<desc>"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == h.rows.count * 3 * 2)
        #expect(HistoryChart.esc("A&B <\"x\">") == "A&amp;B &lt;&quot;x&quot;&gt;")
        let tfm = HistoryChart.svg(h, models: [.taskForce])
        #expect(!tfm.contains("Jail Enforcement Model"))
    }
}
