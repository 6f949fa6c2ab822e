import Foundation

/// 2020 Census tract population centroids (CenPop2020_Mean_TR: UTF-8 with BOM), as columns.
public struct TractCentroids: Sendable {
    public let tractGEOID: [String]     // 11 digits, 2020 geography
    public let population: [Int]
    public let longitude: [Double]
    public let latitude: [Double]

    public var count: Int { tractGEOID.count }
    public var totalPopulation: Int { population.reduce(0, +) }

    public static func load(_ path: String) throws -> TractCentroids {
        let all = try DelimitedText.rows(path: path)
        guard let header = all.first else { throw DataError(path, "empty file") }
        let table = HeaderTable(path: path, header: header, rows: Array(all.dropFirst()))
        let st = try table.column("STATEFP"), co = try table.column("COUNTYFP"), tr = try table.column("TRACTCE")
        let pop = try table.column("POPULATION"), lat = try table.column("LATITUDE"), lon = try table.column("LONGITUDE")
        var ids: [String] = [], pops: [Int] = [], lons: [Double] = [], lats: [Double] = []
        for (i, r) in table.rows.enumerated() {
            guard let p = Int(table.value(r, pop)),
                  let y = Double(table.value(r, lat).replacingOccurrences(of: "+", with: "")),
                  let x = Double(table.value(r, lon).replacingOccurrences(of: "+", with: "")),
                  (-90...90).contains(y), (-180...180).contains(x)
            else { throw DataError(path, "row \(i + 2): population or coordinates unreadable") }
            ids.append(table.value(r, st) + table.value(r, co) + table.value(r, tr))
            pops.append(p); lons.append(x); lats.append(y)
        }
        return TractCentroids(tractGEOID: ids, population: pops, longitude: lons, latitude: lats)
    }
}
