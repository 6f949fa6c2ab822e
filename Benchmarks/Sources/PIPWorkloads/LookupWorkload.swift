import Foundation
import Geo287Core

/// The `lookup --points` workload: a plain `id,lat,lon` CSV of uniform random points in the
/// lower-48 box (`Workloads.randomPoints`, seed 287), written once to the temporary folder.
public enum LookupWorkload {
    public static func pointsCSV(rows: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-bench-points-\(rows).csv").path
        if FileManager.default.fileExists(atPath: path) { return path }
        let (xs, ys) = Workloads.randomPoints(count: rows, seed: 287)
        var text = "id,lat,lon\n"
        text.reserveCapacity(rows * 28)
        for i in 0..<rows { text += "\(i + 1),\(String(format: "%.6f", ys[i])),\(String(format: "%.6f", xs[i]))\n" }
        try AtomicFile.write(Data(text.utf8), to: path)
        return path
    }
}
