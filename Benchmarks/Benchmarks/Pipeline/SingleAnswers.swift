import Benchmark
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287History
import Geo287Jurisdictions
import Geo287Lookup
import Geo287Sheets

// The single-answer commands end to end as the CLI runs them (issue 18 item 2: each under 200 ms),
// and history and batch over many sheets (item 3: under 10 s for 500 sheets of today's size).
//   lookup --point / --place / --county   LookupSession on the newest sheet, one question each
//   summary                               the newest sheet read and summarized
//   coverage / match                      newest sheet matched and joined, from the derived cache
//                                         (warm), and coverage with an empty cache
//   history / batch                       every participating sheet of $GEO287_BENCH_SHEETS, a folder
//                                         written by Benchmarks/scripts/synthesize-sheets.py (skipped
//                                         when unset); else the sheets of <data>/ice
func singleAnswerBenchmarks(root: DataRoot, config: (Int, Int) -> Benchmark.Configuration) {
    let sheetPath = root.path("ice/participating-2026-05-18.xlsx")
    let questions: [(String, @Sendable (LookupSession) throws -> LookupResult)] = [
        ("lookup --point 27.95,-82.46 (Tampa)", { try $0.lookup(point: try LookupQuery.coordinate("27.95,-82.46")) }),
        ("lookup --place \"Tampa, FL\"", { try $0.lookup(place: "Tampa, FL") }),
        ("lookup --county \"Collier County, FL\"", { try $0.lookup(county: "Collier County, FL") }),
    ]
    for (name, ask) in questions {
        Benchmark("\(name) end to end", configuration: config(20, 60)) { benchmark in
            for _ in benchmark.scaledIterations {
                let session = try LookupSession(root: root, sheetPath: sheetPath, includePending: false)
                blackHole(LookupText.render(try ask(session)))
            }
        }
    }
    Benchmark("summary, newest sheet", configuration: config(20, 60)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(SheetSummary(try SheetReader.read(path: sheetPath))) }
    }
    // coverage and match as the CLI runs them: Census tables and the matched sheet from the
    // derived cache (a scratch folder, warmed once before measuring), and coverage with the
    // cache emptied before every run (the first run after a change of data).
    let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-bench-cache-\(getpid())").path
    let cache = DerivedCache(folder: cacheFolder)
    @Sendable func coverage(_ cache: DerivedCache) throws -> String {
        let run = CoverageRun(gazetteer: try Gazetteer.load(root, cache: cache), threads: 2)
        let result = try run.coverage(try run.matchedSheet(path: sheetPath), pending: nil, options: CoverageOptions(model: .model(.taskForce)))
        return CoverageOutput.table(result)
    }
    Benchmark("coverage --model task-force end to end, warm derived cache", configuration: config(20, 60)) { benchmark in
        _ = try coverage(cache)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try coverage(cache)) }
    }
    Benchmark("coverage --model task-force end to end, empty derived cache", configuration: config(5, 60)) { benchmark in
        for _ in benchmark.scaledIterations {
            try? FileManager.default.removeItem(atPath: cacheFolder)
            blackHole(try coverage(cache))
        }
    }
    Benchmark("match end to end, newest sheet, warm derived cache", configuration: config(20, 60)) { benchmark in
        let run = { CoverageRun(gazetteer: try Gazetteer.load(root, cache: cache), threads: 2) }
        _ = try run().matchedSheet(path: sheetPath, geometry: .all)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(MatchOutput.csv(try run().matchedSheet(path: sheetPath, geometry: .all).matched)) }
    }

    let folder = ProcessInfo.processInfo.environment["GEO287_BENCH_SHEETS"] ?? root.path("ice")
    let label = ProcessInfo.processInfo.environment["GEO287_BENCH_SHEETS"] == nil ? "<data>/ice" : "$GEO287_BENCH_SHEETS"
    Benchmark("history, every sheet of \(label)", configuration: config(3, 600)) { benchmark in
        for _ in benchmark.scaledIterations {
            let sheets = try HistorySheets.read(folder: folder, threads: 2)
            let matching = HistoryMatching(run: CoverageRun(gazetteer: try Gazetteer.load(root), threads: 2))
            blackHole(try History.build(sheets, matching: matching))
        }
    }
    Benchmark("batch, every sheet of \(label)", configuration: config(3, 600)) { benchmark in
        for _ in benchmark.scaledIterations {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-bench-batch-\(getpid())").path
            defer { try? FileManager.default.removeItem(atPath: out) }
            blackHole(try BatchRun(root: root, folder: folder, threads: 2).write(to: out))
        }
    }
}
