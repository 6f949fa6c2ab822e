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
    /// is made on `matching.run.threads` threads a window of sheets at a time; matching and
    /// counting go sheet after sheet (each reuses what the sheets before it matched and counted).
    public static func build(_ sheets: HistorySheets, matching: HistoryMatching,
                             each: (Step) throws -> Void = { _ in }) throws -> History {
        var rows: [HistoryRow] = []
        var previous: IdentifiedSheet?
        var vintage = ""
        let run = matching.run
        // Counties whose covering agreements did not change since the previous sheet keep its count.
        let memos = Dictionary(uniqueKeysWithValues: filters.map { ($0, CountyCoverageMemo(options: options($0))) })
        let all = sheets.participating
        // Each distinct row is identified once, whichever sheet meets it first.
        let facts = AgreementFactTable()
        let window = max(1, 8 * run.threads)
        for start in stride(from: 0, to: all.count, by: window) {
            let indices = Array(start..<min(start + window, all.count))
            let prepared = try Parallel.map(indices, threads: run.threads) { i in
                (IdentifiedSheet(all[i], table: facts), SheetSummary(all[i]), sheets.pending(for: all[i]).map(SheetSummary.init))
            }
            let before = previous
            let diffs = try Parallel.map(Array(prepared.indices), threads: run.threads) { k -> SheetDiff? in
                guard let old = k > 0 ? prepared[k - 1].0 : before else { return nil }
                return SheetDiff(old: old, new: prepared[k].0)
            }
            for (k, i) in indices.enumerated() {
                let sheet = all[i], (identified, summary, pending) = prepared[k], diff = diffs[k]
                let matched = try matching.matchedSheet(identified)
                // The models are counted side by side (each count reads the same matched sheet).
                let counted = try Parallel.map(filters, threads: run.threads) { f in
                    try run.coverage(matched, pending: nil, options: options(f), memo: memos[f])
                }
                let coverage = Dictionary(uniqueKeysWithValues: zip(filters, counted))
                Trace.mark("history coverage")
                vintage = coverage[.all]?.populationVintage ?? vintage
                rows.append(HistoryRow(
                    sheet: sheet, summary: summary, pending: pending,
                    covered: Dictionary(uniqueKeysWithValues: coverage.map { ($0.key.description, $0.value.national.covered) }),
                    population: coverage[.all]?.national.population ?? 0, change: diff?.counts()))
                try each(Step(index: i, matched: matched, identified: identified, coverage: coverage, diff: diff))
                Trace.mark("history step")
                previous = identified
            }
        }
        return History(rows: rows, populationVintage: vintage)
    }

    /// What each sheet is counted with: one model filter, the places method.
    static func options(_ filter: ModelFilter) -> CoverageOptions { CoverageOptions(model: filter, method: .places) }
}
