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
    public static func build(_ sheets: HistorySheets, matching: HistoryMatching,
                             each: (Step) throws -> Void = { _ in }) throws -> History {
        var rows: [HistoryRow] = []
        var previous: IdentifiedSheet?
        var vintage = ""
        // Counties whose covering agreements did not change since the previous sheet keep its count.
        let memos = Dictionary(uniqueKeysWithValues: filters.map { ($0, CountyCoverageMemo(options: options($0))) })
        for (i, sheet) in sheets.participating.enumerated() {
            let matched = try matching.matchedSheet(sheet)
            // The models are counted side by side (each count reads the same matched sheet).
            let run = matching.run
            let counted = try Parallel.map(filters, threads: run.threads) { f in
                try run.coverage(matched, pending: nil, options: options(f), memo: memos[f])
            }
            let coverage = Dictionary(uniqueKeysWithValues: zip(filters, counted))
            Trace.mark("history coverage")
            let identified = IdentifiedSheet(sheet)
            let diff = previous.map { SheetDiff(old: $0, new: identified) }
            vintage = coverage[.all]?.populationVintage ?? vintage
            rows.append(HistoryRow(
                sheet: sheet, summary: SheetSummary(sheet), pending: sheets.pending(for: sheet).map(SheetSummary.init),
                covered: Dictionary(uniqueKeysWithValues: coverage.map { ($0.key.description, $0.value.national.covered) }),
                population: coverage[.all]?.national.population ?? 0, change: diff?.counts()))
            Trace.mark("history diff")
            try each(Step(index: i, matched: matched, identified: identified, coverage: coverage, diff: diff))
            Trace.mark("history step")
            previous = identified
        }
        return History(rows: rows, populationVintage: vintage)
    }

    /// What each sheet is counted with: one model filter, the places method.
    static func options(_ filter: ModelFilter) -> CoverageOptions { CoverageOptions(model: filter, method: .places) }
}
