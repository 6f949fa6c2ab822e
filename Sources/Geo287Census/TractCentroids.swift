import Foundation
import Geo287Core

/// 2020 Census tract population centroids (CenPop2020_Mean_TR: UTF-8 with BOM), as columns.
/// Read with a byte-level parser: 85k rows of fixed columns, no quoting.
public struct TractCentroids: Sendable {
    public let tractGEOID: [String]     // 11 digits, 2020 geography
    public let population: [Int]
    public let longitude: [Double]
    public let latitude: [Double]

    public var count: Int { tractGEOID.count }
    public var totalPopulation: Int { population.reduce(0, +) }

    static let columns = ["STATEFP", "COUNTYFP", "TRACTCE", "POPULATION", "LATITUDE", "LONGITUDE"]

    /// The file's size limit (the real one is 3.6 MB).
    public static let sizeLimit = 64 << 20

    public static func load(_ path: String) throws -> TractCentroids {
        let bytes = try InputFile.read(path, limit: sizeLimit, what: "the tract centroid table")
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let headerLine = lines.first else { throw DataError(path, "empty file") }
        lines.removeFirst()
        var header = String(decoding: headerLine, as: UTF8.self)
        if header.hasPrefix("\u{FEFF}") { header.removeFirst() }
        let names = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let idx = try columns.map { c -> Int in
            guard let i = names.firstIndex(of: c) else { throw DataError(path, "missing column \(c)") }
            return i
        }
        var ids: [String] = [], pops: [Int] = [], lons: [Double] = [], lats: [Double] = []
        ids.reserveCapacity(lines.count); pops.reserveCapacity(lines.count)
        lons.reserveCapacity(lines.count); lats.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            let fields = line.split(separator: 0x2C, omittingEmptySubsequences: false).map { trimmed($0) }
            guard fields.count >= names.count,
                  let p = integer(fields[idx[3]]), let y = number(fields[idx[4]]), let x = number(fields[idx[5]]),
                  (-90...90).contains(y), (-180...180).contains(x)
            else { throw DataError(path, "row \(n + 2): population or coordinates unreadable") }
            ids.append(String(decoding: fields[idx[0]], as: UTF8.self) + String(decoding: fields[idx[1]], as: UTF8.self)
                       + String(decoding: fields[idx[2]], as: UTF8.self))
            pops.append(p); lons.append(x); lats.append(y)
        }
        return TractCentroids(tractGEOID: ids, population: pops, longitude: lons, latitude: lats)
    }

    static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var t = s
        while let f = t.first, f == 0x20 || f == 0x0D || f == 0x09 { t = t.dropFirst() }
        while let l = t.last, l == 0x20 || l == 0x0D || l == 0x09 { t = t.dropLast() }
        return t
    }

    /// A count of people: digits only, at most `NumberText.peopleLimit` (longer numbers are
    /// refused before they could overflow).
    static func integer(_ s: ArraySlice<UInt8>) -> Int? {
        guard !s.isEmpty, s.count <= 10 else { return nil }
        var v = 0
        for b in s {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v <= NumberText.peopleLimit ? v : nil
    }

    /// A signed decimal such as `+32.476823` or `-086.486599` (the file's only number form).
    static func number(_ s: ArraySlice<UInt8>) -> Double? {
        var t = s
        var sign = 1.0
        if let f = t.first, f == 0x2B || f == 0x2D { sign = f == 0x2D ? -1 : 1; t = t.dropFirst() }
        guard !t.isEmpty else { return nil }
        if let v = NumberText.exactDecimal(t) { return v * sign }
        var text = ""
        text.unicodeScalars.append(contentsOf: t.map { Unicode.Scalar($0) })
        return Double(text).map { $0 * sign }
    }
}
