import Benchmark
import Geo287Geometry
import PIPWorkloads

// Point-in-polygon joins on the real county layer (cb_2024_us_county_5m, 3,235 counties).
// Time per iteration is one full join of all N points; throughput = N / time.
let benchmarks: @Sendable () -> Void = {
    let counties: [MultiPolygon]
    do { counties = try Workloads.counties().polygons } catch {
        print("PointInPolygon: cannot read the counties (\(error)); set GEO287_DATA")
        return
    }
    guard let grid = try? PointLocator(polygons: counties, engine: .grid),
          let geos = try? PointLocator(polygons: counties, engine: .geos) else {
        print("PointInPolygon: cannot build the engines")
        return
    }
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, .throughput]

    func join(_ name: String, _ locator: PointLocator, xs: [Double], ys: [Double], threads: Int, iterations: Int) {
        Benchmark(name, configuration: .init(metrics: metrics, timeUnits: .milliseconds,
                                             scalingFactor: .one, maxDuration: .seconds(60),
                                             maxIterations: iterations)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try locator.locateAll(xs: xs, ys: ys, threads: threads))
            }
        }
    }

    for n in [100_000, 1_000_000, 5_000_000] {
        let pts = Workloads.randomPoints(count: n, seed: 287)
        join("random \(n / 1000)k grid 2 threads", grid, xs: pts.xs, ys: pts.ys, threads: 2, iterations: 10)
        if n == 1_000_000 {
            join("random \(n / 1000)k GEOS 2 threads", geos, xs: pts.xs, ys: pts.ys, threads: 2, iterations: 5)
            join("random \(n / 1000)k grid 1 thread", grid, xs: pts.xs, ys: pts.ys, threads: 1, iterations: 10)
        }
    }
    if let tracts = try? Workloads.tractCentroids() {
        join("tract centroids 85k grid 2 threads", grid, xs: tracts.xs, ys: tracts.ys, threads: 2, iterations: 20)
        join("tract centroids 85k GEOS 2 threads", geos, xs: tracts.xs, ys: tracts.ys, threads: 2, iterations: 10)
    }
    Benchmark("build grid index (3,235 counties)", configuration: .init(metrics: metrics, maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try PointIndex(polygons: counties)) }
    }
}
