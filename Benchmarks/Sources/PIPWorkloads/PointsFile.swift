import Foundation

/// The exchange format with the peers: points as little-endian float64 pairs x0 y0 x1 y1 …,
/// assignments as little-endian int32 (polygon index in file order, −1 none). numpy reads both
/// with `np.fromfile`.
public enum PointsFile {
    public static func write(xs: [Double], ys: [Double], to path: String) throws {
        var flat = [Double]()
        flat.reserveCapacity(xs.count * 2)
        for i in 0..<min(xs.count, ys.count) { flat.append(xs[i]); flat.append(ys[i]) }
        let data = flat.withUnsafeBytes { Data($0) }
        try data.write(to: URL(fileURLWithPath: path))
    }

    public static func read(_ path: String) throws -> (xs: [Double], ys: [Double]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard data.count % 16 == 0 else { throw WorkloadError.badInput("\(path): \(data.count) bytes is not a whole number of points") }
        let n = data.count / 16
        var xs = [Double](repeating: 0, count: n), ys = [Double](repeating: 0, count: n)
        data.withUnsafeBytes { raw in
            for i in 0..<n {
                xs[i] = raw.loadUnaligned(fromByteOffset: 16 * i, as: Double.self)
                ys[i] = raw.loadUnaligned(fromByteOffset: 16 * i + 8, as: Double.self)
            }
        }
        return (xs, ys)
    }

    public static func writeAssignments(_ a: [Int32], to path: String) throws {
        try a.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: path))
    }
}
