import Foundation
import Geo287Census
import Geo287Geometry

/// The inputs shared by the benchmark suite, `pip-join` and the peer runner.
public enum Workloads {
    /// $GEO287_DATA, else ../../shared/data relative to the Benchmarks folder.
    public static var dataRoot: String {
        if let env = ProcessInfo.processInfo.environment["GEO287_DATA"], !env.isEmpty { return env }
        let benchmarks = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return benchmarks.appendingPathComponent("../../shared/data").standardizedFileURL.path
    }

    public static var countiesPath: String { dataRoot + "/census/counties/cb_2024_us_county_5m.shp" }
    public static var tractCentroidsPath: String { dataRoot + "/census/centroids/CenPop2020_Mean_TR.txt" }

    /// The 3,235 counties in file order, with their GEOIDs.
    public static func counties() throws -> (polygons: [MultiPolygon], geoids: [String]) {
        let shp = try ShapefileReader.read(countiesPath)
        return (shp.features.map(\.geometry), shp.features.map { $0.string("GEOID") ?? "" })
    }

    /// The lower-48 box the random points are drawn from.
    public static let lower48 = BoundingBox(minX: -125, minY: 24, maxX: -66, maxY: 50)

    /// `count` uniform points in the lower-48 box from a SplitMix64 stream seeded with `seed`:
    /// x = minX + (next() >> 11)·2⁻⁵³·width, then y likewise, point after point.
    public static func randomPoints(count: Int, seed: UInt64) -> (xs: [Double], ys: [Double]) {
        var rng = SplitMix64(state: seed)
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(count); ys.reserveCapacity(count)
        let box = lower48
        for _ in 0..<count {
            xs.append(box.minX + rng.unit() * box.width)
            ys.append(box.minY + rng.unit() * box.height)
        }
        return (xs, ys)
    }

    /// The 2020 tract population centroids (UTF-8 with BOM, signed zero-padded coordinates).
    public static func tractCentroids() throws -> (xs: [Double], ys: [Double]) {
        let text = try String(contentsOfFile: tractCentroidsPath, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)
        guard let header = lines.first else { throw WorkloadError.badInput("empty centroid file") }
        let columns = header.split(separator: ",").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{feff}")).trimmingCharacters(in: .whitespaces)
        }
        guard let lat = columns.firstIndex(of: "LATITUDE"), let lon = columns.firstIndex(of: "LONGITUDE") else {
            throw WorkloadError.badInput("no LATITUDE/LONGITUDE columns in \(columns)")
        }
        lines.removeFirst()
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(lines.count); ys.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > max(lat, lon), let y = parseSigned(fields[lat]), let x = parseSigned(fields[lon]) else {
                throw WorkloadError.badInput("line \(n + 2): \(line)")
            }
            xs.append(x); ys.append(y)
        }
        return (xs, ys)
    }

    /// "+32.476823" or "-086.486599" (Double(_:) accepts neither sign style reliably with padding).
    static func parseSigned(_ s: Substring) -> Double? {
        var t = s.trimmingCharacters(in: .whitespaces)
        var sign = 1.0
        if t.hasPrefix("+") { t.removeFirst() } else if t.hasPrefix("-") { t.removeFirst(); sign = -1 }
        return Double(t).map { sign * $0 }
    }
}

public enum WorkloadError: Error, CustomStringConvertible {
    case badInput(String)
    public var description: String {
        switch self { case let .badInput(m): return m }
    }
}

/// SplitMix64: a tiny fixed-seed generator, easy to reproduce in any language.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A double in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
