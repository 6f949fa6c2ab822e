import Foundation
import Geo287TestSupport
import Testing

/// docs/scale.md's recipe: dask-geopandas on a dask.distributed LocalCluster (two worker
/// processes), over the exported GeoParquet and a partitioned points dataset, gives the columns
/// of `geo287 lookup --points` row for row on a seeded sample of 1,000,000 points (sea, abroad,
/// exact county vertices on shared borders, swapped and out-of-range rows included).
@Suite struct DaskRecipeTests {
    @Test(.enabled(if: ExportTools.hasPython, ExportTools.pythonReason))
    func daskOnALocalClusterAnswersAsLookupPoints() throws {
        let fixture = try ExportFixture.shared.get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-dask-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rows = ProcessInfo.processInfo.environment["GEO287_DASK_ROWS"].flatMap { Int($0) } ?? 1_000_000
        let make = try ExportTools.run(ExportTools.python, [
            ExportTools.scripts.appendingPathComponent("make_points.py").path, "--export", fixture.folder, "--rows", String(rows),
            "--csv", dir + "/points.csv", "--parquet", dir + "/points",
        ])
        #expect(make.status == 0, "\(make.stderr)")
        let lookup = try CLIRunner.geo287(["lookup", "--data", ReferenceData.path, "--points", dir + "/points.csv", "--out", dir + "/lookup.csv"])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        let dask = try ExportTools.run(ExportTools.python, [ExportTools.recipe, "--export", fixture.folder, "--points", dir + "/points",
                                                            "--out", dir + "/joined"])
        #expect(dask.status == 0, "\(dask.stderr)")
        let compare = try ExportTools.run(ExportTools.python, [
            ExportTools.scripts.appendingPathComponent("compare_lookup.py").path, "--lookup", dir + "/lookup.csv", "--dask", dir + "/joined",
            "--export", fixture.folder,
        ])
        #expect(compare.status == 0, "\(compare.stdout)\(compare.stderr)")
        #expect(compare.stdout.contains("\(rows) rows compared, 0 differ"), "\(compare.stdout)")
        // The sample reaches every case: points covered, outside, swapped, out of range.
        for check in ["'ok'", "'outside-us'", "'swapped'", "'out-of-range'"] { #expect(compare.stdout.contains(check)) }
    }
}
