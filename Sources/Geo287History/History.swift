import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Sheets

/// One participating sheet in the history: its counts (as `SheetSummary` gives them), the
/// pending sheet listed with it, people covered per model (the coverage union, places method)
/// and what changed since the previous sheet.
public struct HistoryRow: Sendable {
    public let sheet: Sheet
    public let summary: SheetSummary
    public let pending: SheetSummary?
    /// People covered per model, and under any model (`all`), by `ModelFilter.description`.
    public let covered: [String: Int]
    public let population: Int
    /// Against the previous sheet; nil for the first.
    public let change: SheetDiff.Counts?

    public var published: SignedDate? { sheet.published }
    public func agreements(_ m: SupportModel) -> Int { summary.model(m)?.agreements ?? 0 }
    public func states(_ m: SupportModel) -> Int { summary.model(m)?.states ?? 0 }
    public func pendingAgreements(_ m: SupportModel) -> Int? { pending.map { $0.model(m)?.agreements ?? 0 } }
    public func covered(_ f: ModelFilter) -> Int { covered[f.description] ?? 0 }
}

public struct History: Sendable {
    public let rows: [HistoryRow]
    public let populationVintage: String

    /// The models covered: each support model, then all models together.
    public static let filters: [ModelFilter] = SupportModel.allCases.map { .model($0) } + [.all]

    /// One sheet's step, for callers that write panels as they go (`BatchRun`).
    public struct Step {
        public let index: Int
        public let matched: MatchedSheet
        public let identified: IdentifiedSheet
        public let coverage: [ModelFilter: CoverageResult]
        /// From the previous sheet; nil for the first.
        public let diff: SheetDiff?
    }

    /// Builds the history of `sheets`. `each` sees every sheet's step after it is computed.
    /// What a sheet needs of itself and of the sheet before (its identities, counts, the diff)
    /// is made on `matching.run.threads` threads a window of sheets at a time, the next window
    /// while this one is matched and counted; matching and counting go sheet after sheet (each
    /// reuses what the sheets before it matched and counted).
    public static func build(_ sheets: HistorySheets, matching: HistoryMatching,
                             each: (Step) throws -> Void = { _ in }) throws -> History {
        var rows: [HistoryRow] = []
        var vintage = ""
        let run = matching.run
        // Counties whose covering agreements did not change since the previous sheet keep its count.
        let memos = Dictionary(uniqueKeysWithValues: filters.map { ($0, CountyCoverageMemo(options: options($0))) })
        let all = sheets.participating
        // Each distinct row is identified once, whichever sheet meets it first.
        let facts = AgreementFactTable()
        let window = max(1, 8 * run.threads)
        let windows = stride(from: 0, to: all.count, by: window).map { $0..<min($0 + window, all.count) }
        var next = windows.first.map { prepare(sheets, $0, after: nil, facts: facts, threads: run.threads) }
        for (w, indices) in windows.enumerated() {
            guard let prepared = try next?.value() else { break }
            next = w + 1 < windows.count
                ? prepare(sheets, windows[w + 1], after: prepared.last?.identified, facts: facts, threads: run.threads) : nil
            for (k, i) in indices.enumerated() {
                let sheet = all[i], p = prepared[k]
                let matched = try matching.matchedSheet(p.identified)
                // The models are counted side by side (each count reads the same matched sheet).
                let counted = try Parallel.map(filters, threads: run.threads) { f in
                    try run.coverage(matched, pending: nil, options: options(f), memo: memos[f])
                }
                let coverage = Dictionary(uniqueKeysWithValues: zip(filters, counted))
                Trace.mark("history coverage")
                vintage = coverage[.all]?.populationVintage ?? vintage
                rows.append(HistoryRow(
                    sheet: sheet, summary: p.summary, pending: p.pending,
                    covered: Dictionary(uniqueKeysWithValues: coverage.map { ($0.key.description, $0.value.national.covered) }),
                    population: coverage[.all]?.national.population ?? 0, change: p.diff?.counts()))
                try each(Step(index: i, matched: matched, identified: p.identified, coverage: coverage, diff: p.diff))
                Trace.mark("history step")
            }
        }
        return History(rows: rows, populationVintage: vintage)
    }

    /// What `build` needs of one sheet before matching it.
    private struct Prepared: Sendable {
        let identified: IdentifiedSheet
        let summary: SheetSummary
        let pending: SheetSummary?
        /// From the sheet before (`before` for the first of a window); nil for the first sheet.
        let diff: SheetDiff?
    }

    /// The `Prepared` sheets of `window`, made on a thread of its own (each sheet on up to
    /// `threads` threads); `before`: the last sheet of the window before.
    private static func prepare(_ sheets: HistorySheets, _ window: Range<Int>, after before: IdentifiedSheet?,
                                facts: AgreementFactTable, threads: Int) -> Prefetch<[Prepared]> {
        Prefetch {
            let all = sheets.participating
            let made = try Parallel.map(Array(window), threads: threads) { i in
                (IdentifiedSheet(all[i], table: facts), SheetSummary(all[i]), sheets.pending(for: all[i]).map(SheetSummary.init))
            }
            let diffs = try Parallel.map(Array(made.indices), threads: threads) { k -> SheetDiff? in
                guard let old = k > 0 ? made[k - 1].0 : before else { return nil }
                return SheetDiff(old: old, new: made[k].0)
            }
            return made.indices.map { Prepared(identified: made[$0].0, summary: made[$0].1, pending: made[$0].2, diff: diffs[$0]) }
        }
    }

    /// What each sheet is counted with: one model filter, the places method.
    static func options(_ filter: ModelFilter) -> CoverageOptions { CoverageOptions(model: filter, method: .places) }
}
