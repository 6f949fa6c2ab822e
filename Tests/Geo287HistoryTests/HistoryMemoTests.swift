import Foundation
import Geo287Coverage
import Geo287History
import Geo287Jurisdictions
import Geo287Sheets
import Testing

/// `history` and `batch` count each sheet with a `CountyCoverageMemo` kept across sheets: the
/// numbers must be those of counting every sheet on its own.
@Suite("County memo across sheets")
struct HistoryMemoTests {
    @Test("every sheet × model: national, state and county numbers equal a count without the memo; most counties reused")
    func memoEqualsFreshCount() throws {
        let sheets = try HistorySheets.read(folder: HistoryTestData.root.path("ice"))
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        let matching = HistoryMatching(run: run)
        let filters = History.filters
        let memos = filters.map { CountyCoverageMemo(options: CoverageOptions(model: $0, method: .places)) }
        var compared = 0
        for sheet in sheets.participating {
            let matched = try matching.matchedSheet(sheet)
            for (f, memo) in zip(filters, memos) {
                let options = CoverageOptions(model: f, method: .places)
                let kept = try run.coverage(matched, pending: nil, options: options, memo: memo)
                let fresh = try run.coverage(matched, pending: nil, options: options)
                #expect(kept.national.covered == fresh.national.covered && kept.national.population == fresh.national.population,
                        "\(sheet.fileName) \(f)")
                #expect(kept.states.map { [$0.usps, String($0.covered), String($0.coveredWithoutStatewide), String($0.countiesTouched)] }
                        == fresh.states.map { [$0.usps, String($0.covered), String($0.coveredWithoutStatewide), String($0.countiesTouched)] })
                #expect(kept.counties.map(\.geoid) == fresh.counties.map(\.geoid))
                #expect(kept.counties.map(\.covered) == fresh.counties.map(\.covered), "\(sheet.fileName) \(f)")
                #expect(kept.counties.map { $0.agreements.map(\.agency) } == fresh.counties.map { $0.agreements.map(\.agency) })
                #expect(kept.notes == fresh.notes)
                compared += 1
            }
        }
        #expect(compared == sheets.participating.count * 4)
        // 3,235 counties per sheet and model; the sheets repeat most agreements, so most counties are reused.
        let counts = memos.map(\.counts)
        let reused = counts.reduce(0) { $0 + $1.reused }, counted = counts.reduce(0) { $0 + $1.counted }
        #expect(reused + counted == compared * 3235)
        #expect(reused > 9 * counted, "reused \(reused), counted \(counted)")
    }

    @Test("the newest sheet: task force 130,966,240 people with the memo, counted twice (the second time all reused)")
    func sameSheetTwice() throws {
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        let matched = try run.matchedSheet(try HistoryTestData.sheet("participating-2026-05-18.xlsx"))
        let options = CoverageOptions(model: .model(.taskForce), method: .places)
        let memo = CountyCoverageMemo(options: options)
        let first = try run.coverage(matched, pending: nil, options: options, memo: memo)
        #expect(memo.counts == (reused: 0, counted: 3235))
        let second = try run.coverage(matched, pending: nil, options: options, memo: memo)
        #expect(memo.counts == (reused: 3235, counted: 3235))
        #expect(first.national.covered == 130_966_240 && second.national.covered == 130_966_240)
        // A memo made for other options is not used.
        let other = CoverageOptions(model: .model(.taskForce), method: .places, excludeStatewide: true)
        let without = try run.coverage(matched, pending: nil, options: other, memo: memo)
        #expect(memo.counts == (reused: 3235, counted: 3235))
        #expect(without.national.covered == 49_144_679)
    }
}
