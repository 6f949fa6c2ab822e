import Foundation
import Geo287Geometry
import Geo287Jurisdictions
import PIPWorkloads

// pip-join: the geo287 side of Benchmarks/peers/run.sh.
//   pip-join random --count N --seed S --out FILE     write N fixed-seed lower-48 points
//   pip-join centroids --out FILE                     write the 2020 tract centroids
//   pip-join join --points FILE --out FILE [--engine grid|geos] [--threads T] [--repeat R]
//                 [--top-cells N] [--edges-per-cell E] [--max-k K]   (grid tuning)
//   pip-join polygons --out FILE [--threads T] [--repeat R]
//                 the place × county area-share overlay (PlaceCountyOverlay), TSV place, county, share
// `join` prints one line: engine, points, load/build seconds, join seconds per repeat;
// `polygons` likewise with places, pairs, and overlay seconds per repeat.

func option(_ name: String, in args: [String]) -> String? {
    guard let i = args.firstIndex(of: "--" + name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("pip-join: " + message + "\n").utf8))
    exit(2)
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else { fail("usage: pip-join random|centroids|join …") }
let clock = ContinuousClock()

do {
    switch command {
    case "random":
        guard let out = option("out", in: args), let count = option("count", in: args).flatMap({ Int($0) }) else {
            fail("random needs --count N --out FILE")
        }
        let seed = option("seed", in: args).flatMap { UInt64($0) } ?? 287
        let pts = Workloads.randomPoints(count: count, seed: seed)
        try PointsFile.write(xs: pts.xs, ys: pts.ys, to: out)
    case "centroids":
        guard let out = option("out", in: args) else { fail("centroids needs --out FILE") }
        let pts = try Workloads.tractCentroids()
        try PointsFile.write(xs: pts.xs, ys: pts.ys, to: out)
    case "join":
        guard let pointsPath = option("points", in: args), let out = option("out", in: args) else {
            fail("join needs --points FILE --out FILE")
        }
        guard let engine = PointInPolygonEngine(rawValue: option("engine", in: args) ?? "grid") else {
            fail("--engine must be grid or geos")
        }
        let threads = option("threads", in: args).flatMap { Int($0) } ?? 2
        let repeats = max(1, option("repeat", in: args).flatMap { Int($0) } ?? 1)
        let start = clock.now
        let points = try PointsFile.read(pointsPath)
        let counties = try Workloads.counties()
        let loaded = clock.now
        var options = PointIndex.Options()
        if let v = option("top-cells", in: args).flatMap({ Int($0) }) { options.topCellCount = v }
        if let v = option("edges-per-cell", in: args).flatMap({ Double($0) }) { options.edgesPerFineCell = v }
        if let v = option("max-k", in: args).flatMap({ Int($0) }) { options.maxSubdivision = v }
        let locator = try PointLocator(polygons: counties.polygons, engine: engine, options: options)
        let built = clock.now
        var result: [Int32] = []
        var times: [Double] = []
        for _ in 0..<repeats {
            let t0 = clock.now
            result = try locator.locateAll(xs: points.xs, ys: points.ys, threads: threads)
            times.append(seconds(clock.now - t0))
        }
        try PointsFile.writeAssignments(result, to: out)
        let found = result.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        print("engine=geo287-\(engine.rawValue) threads=\(threads) points=\(points.xs.count) matched=\(found) "
              + "load_s=\(seconds(loaded - start)) build_s=\(seconds(built - loaded)) "
              + "join_s=\(times.map { String(format: "%.4f", $0) }.joined(separator: ","))")
    case "polygons":
        guard let out = option("out", in: args) else { fail("polygons needs --out FILE") }
        let threads = option("threads", in: args).flatMap { Int($0) } ?? 2
        let repeats = max(1, option("repeat", in: args).flatMap { Int($0) } ?? 1)
        let start = clock.now
        let inputs = try PolygonWorkload.inputs(threads: threads)
        let loaded = clock.now
        var result = PlaceCountyOverlay.Result()
        var times: [Double] = []
        for _ in 0..<repeats {
            let t0 = clock.now
            result = try PlaceCountyOverlay(counties: inputs.counties).run(places: inputs.places, threads: threads)
            times.append(seconds(clock.now - t0))
        }
        try PolygonWorkload.write(result.pieces, to: out)
        print("engine=geo287-geos threads=\(threads) places=\(inputs.places.count) pairs=\(result.pieces.count) "
              + "contained=\(result.containedWhole) intersected=\(result.intersected) repaired=\(result.repaired) "
              + "load_s=\(seconds(loaded - start)) build_s=0 "
              + "join_s=\(times.map { String(format: "%.4f", $0) }.joined(separator: ","))")
    default:
        fail("unknown command \(command)")
    }
} catch {
    fail("\(error)")
}
