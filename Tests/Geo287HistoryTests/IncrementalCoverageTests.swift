import Foundation
import Geo287Core
import Geo287Coverage
import Geo287History
import Geo287Jurisdictions
import Geo287Sheets
import Testing

/// `history` and `batch` count a sheet from the one before (`CountyCoverageMemo`): only the
/// counties whose reaching agreements changed are counted anew.
@Suite("Incremental coverage across sheets")
struct IncrementalCoverageTests {
    @Test("dropping Oldham County Sheriff's Office (KY, task force) from the newest sheet recounts its one county only (-70,183 people); adding it back restores 130,966,240")
    func dropAndAddOneAgreement() throws {
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        let matching = HistoryMatching(run: run)
        let full = try matching.matchedSheet(try HistoryTestData.sheet("participating-2026-05-18.xlsx"))
        let keys = try #require(full.keys)
        let row = try #require(full.matched.firstIndex {
            $0.agreement.agencyName.hasPrefix("Oldham County Sheriff") && $0.agreement.state?.usps == "KY" && $0.agreement.model == .taskForce
        })
        let reached = Set(full.matched[row].jurisdiction.counties.map(\.countyGEOID))
        #expect(reached == ["21185"])
        var agreements = full.sheet.agreements, matched = full.matched, ids = keys.ids
        agreements.remove(at: row)
        matched.remove(at: row)
        ids.remove(at: row)
        var sheet = full.sheet
        sheet.agreements = agreements
        let without = MatchedSheet(sheet: sheet, matched: matched, keys: AgreementKeys(table: keys.table, ids: ids))

        let options = CoverageOptions(model: .model(.taskForce), method: .places)
        let memo = CountyCoverageMemo(options: options)
        let first = try run.coverage(full, pending: nil, options: options, memo: memo)
        #expect(memo.counts == (reused: 0, counted: 3235))
        let dropped = try run.coverage(without, pending: nil, options: options, memo: memo)
        #expect(memo.counts == (reused: 3234, counted: 3236))
        let back = try run.coverage(full, pending: nil, options: options, memo: memo)
        #expect(memo.counts == (reused: 6468, counted: 3237))

        #expect(first.national.covered == 130_966_240 && back.national.covered == 130_966_240)
        #expect(first.national.covered - dropped.national.covered == 70_183)
        // Every number equals a count from scratch; only Oldham County's differs between the two sheets.
        let fresh = try run.coverage(without, pending: nil, options: options)
        #expect(dropped.national.covered == fresh.national.covered)
        #expect(dropped.states.map { [$0.usps, String($0.covered), String($0.countiesTouched)] }
                == fresh.states.map { [$0.usps, String($0.covered), String($0.countiesTouched)] })
        #expect(dropped.counties.map(\.covered) == fresh.counties.map(\.covered))
        #expect(dropped.notes == fresh.notes)
        let differs = zip(first.counties, dropped.counties).filter { $0.covered != $1.covered }.map(\.0.geoid)
        #expect(differs == ["21185"])
        #expect(back.counties.map(\.covered) == first.counties.map(\.covered))
    }

    @Test("two rows of the newest sheet swapped: exactly the counties both reach are counted anew (their lists changed order), every number as a fresh count")
    func swappedRows() throws {
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        let matching = HistoryMatching(run: run)
        let full = try matching.matchedSheet(try HistoryTestData.sheet("participating-2026-05-18.xlsx"))
        let keys = try #require(full.keys)
        // The first two task force rows that reach a county in common and are counted there.
        let counted = full.matched.indices.filter {
            full.matched[$0].agreement.model == .taskForce && CountingRules.standard.reach(full.matched[$0].jurisdiction).countsResidents
        }
        func counties(_ i: Int) -> Set<String> { Set(full.matched[i].jurisdiction.counties.map(\.countyGEOID)) }
        let pair = counted.lazy.flatMap { a in counted.lazy.filter { $0 > a && !counties(a).isDisjoint(with: counties($0)) }.map { (a, $0) } }.first
        let (a, b) = try #require(pair)
        let both = counties(a).intersection(counties(b))
        var sheet = full.sheet, matched = full.matched, ids = keys.ids
        sheet.agreements.swapAt(a, b)
        matched.swapAt(a, b)
        ids.swapAt(a, b)
        let swapped = MatchedSheet(sheet: sheet, matched: matched, keys: AgreementKeys(table: keys.table, ids: ids))

        let options = CoverageOptions(model: .model(.taskForce), method: .places)
        let memo = CountyCoverageMemo(options: options)
        _ = try run.coverage(full, pending: nil, options: options, memo: memo)
        let kept = try run.coverage(swapped, pending: nil, options: options, memo: memo)
        #expect(memo.counts == (reused: 3235 - both.count, counted: 3235 + both.count), "\(both.sorted())")
        let fresh = try run.coverage(swapped, pending: nil, options: options)
        #expect(kept.national.covered == 130_966_240 && fresh.national.covered == 130_966_240)
        #expect(kept.counties.map(\.covered) == fresh.counties.map(\.covered))
        #expect(kept.counties.map { $0.agreements.map(\.agency) } == fresh.counties.map { $0.agreements.map(\.agency) })
        #expect(kept.notes == fresh.notes)
    }

    @Test("batch over a folder with a damaged sheet in the middle: one line naming the file, nothing published, nothing left behind")
    func damagedSheetInTheMiddle() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-batch-damaged-\(getpid())").path
        let folder = base + "/ice", out = base + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        for (source, name) in [("participating-2024-12-01-from-html.xlsx", "participating-2024-12-01.xlsx"),
                               ("participating-2025-01-19-from-html.xlsx", "participating-2025-01-19.xlsx")] {
            try FileManager.default.copyItem(atPath: HistoryTestData.root.path("ice/" + source), toPath: "\(folder)/\(name)")
        }
        try AtomicFile.write(Data("PK\u{3}\u{4} truncated".utf8), to: "\(folder)/participating-2025-01-01.xlsx")
        let error = #expect(throws: DataError.self) {
            try BatchRun(root: HistoryTestData.root, folder: folder).write(to: out)
        }
        let message = error?.description ?? ""
        #expect(message.contains("participating-2025-01-01.xlsx") && !message.contains("\n"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: base) == ["ice"])
    }
}
