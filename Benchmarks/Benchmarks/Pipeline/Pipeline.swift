import Benchmark
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Lookup
import Geo287Sheets
import PIPWorkloads

// The pipeline workloads on the real data (release build, 2 threads):
//   sheet parse      SheetReader.read of the newest ICE sheet (participating-2026-05-18.xlsx, 1,843 rows)
//   match + join     cold Gazetteer.load, JurisdictionMatcher, CountyJoin(geometry: .all): only the
//                    place files of the states the sheet needs (the sheet itself is read once, outside)
//   coverage         `geo287 coverage --model task-force` end to end: catalog, sheet, cold
//                    Gazetteer.load, match, join, union, table text (places and tracts methods)
//   single answers   lookup, summary, match; history and batch over many sheets (SingleAnswers.swift)
//   polygon overlay  PlaceCountyOverlay: 29.8k 2019 places × 3,235 counties, EPSG:5070 area shares
//                    (inputs read once, outside); and reading those inputs
//   lookup --points  LookupBulk.stream of 1M and 10M uniform random points in the lower-48 box
//                    (id,lat,lon), output discarded: header read, counties indexed, matching, every
//                    touched state's places read and indexed (cache off) or read back from the derived
//                    cache (warm), rows located and formatted (the sheet is read once, outside)
// Every iteration starts from a new Gazetteer; the OS file cache is warm after the first.
let benchmarks: @Sendable () -> Void = {
    let root = PolygonWorkload.root
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, .throughput]
    func config(_ iterations: Int, seconds: Int = 60) -> Benchmark.Configuration {
        .init(metrics: metrics, timeUnits: .milliseconds, scalingFactor: .one, maxDuration: .seconds(seconds),
              maxIterations: iterations)
    }
    let sheetPath = root.path("ice/participating-2026-05-18.xlsx")

    Benchmark("sheet parse participating-2026-05-18 (1,843 rows)", configuration: config(30)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SheetReader.read(path: sheetPath)) }
    }

    if let sheet = try? SheetReader.read(path: sheetPath) {
        Benchmark("match + GEOS join, newest sheet, geometry .all", configuration: config(10)) { benchmark in
            for _ in benchmark.scaledIterations {
                let gazetteer = try Gazetteer.load(root)
                let matched = try JurisdictionMatcher(gazetteer: gazetteer).match(sheet.agreements)
                blackHole(try CountyJoin(gazetteer: gazetteer).join(matched, threads: 2, geometry: .all))
            }
        }
    }

    // lookup --points: with the derived cache off (every touched state's places read from their
    // zips and indexed, as on a first run) and warm (the indexes read back from the cache).
    if let sheet = try? SheetReader.read(path: sheetPath) {
        let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-bench-derived-cache").path
        let warm = DerivedCache(folder: cacheFolder)
        let both = [(DerivedCache.off, "cache off"), (warm, "warm derived cache")]
        for (rows, label, iterations, caches) in [(1_000_000, "1M", 5, both), (10_000_000, "10M", 2, [both[1]])] {
            guard let csv = try? LookupWorkload.pointsCSV(rows: rows) else { continue }
            for (cache, state) in caches {
                Benchmark("lookup --points \(label) rows streamed, 2 threads, \(state)", configuration: config(iterations, seconds: 300)) { benchmark in
                    let bulk = LookupBulk(root: root, sheet: sheet, pendingSheet: nil, threads: 2, cache: cache)
                    if cache.folder != nil, !FileManager.default.fileExists(atPath: cacheFolder) {
                        // Warms the cache once (not measured): 20k points touch every state of the lower 48.
                        _ = try bulk.stream(csvPath: try LookupWorkload.pointsCSV(rows: 20_000), write: { _ in })
                    }
                    benchmark.startMeasurement()
                    for _ in benchmark.scaledIterations { blackHole(try bulk.stream(csvPath: csv, write: { blackHole($0.count) })) }
                }
            }
        }
    }

    for method in [CoverageMethod.places, .tracts] {
        Benchmark("coverage task-force end to end, \(method.rawValue)", configuration: config(10)) { benchmark in
            for _ in benchmark.scaledIterations {
                let entry = try SheetCatalog(root: root).participating(asOf: nil)
                let sheet = try SheetReader.read(path: entry.path)
                let run = CoverageRun(gazetteer: try Gazetteer.load(root), threads: 2)
                let matched = try run.matchedSheet(sheet)
                let result = try run.coverage(matched, pending: nil,
                                              options: CoverageOptions(model: .model(.taskForce), method: method))
                blackHole(CoverageOutput.table(result))
            }
        }
    }

    singleAnswerBenchmarks(root: root, config: { config($0, seconds: $1) })

    Benchmark("polygon inputs: counties + 29.8k place polygons", configuration: config(3)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try PolygonWorkload.inputs(threads: 2)) }
    }
    if let inputs = try? PolygonWorkload.inputs(threads: 2) {
        Benchmark("polygon overlay: places × counties area shares, 2 threads", configuration: config(3, seconds: 120)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try PlaceCountyOverlay(counties: inputs.counties).run(places: inputs.places, threads: 2))
            }
        }
    }
}
