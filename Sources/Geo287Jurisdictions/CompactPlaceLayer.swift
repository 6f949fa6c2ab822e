import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Sheets

/// geo287's compact place layer, derived from the official 2019 TIGER/Line place zips so that
/// the embedded data root fits in git: every place's attributes (so any city can be matched by
/// name), and polygons only for the places that an agreement of the bundled ICE sheets resolves
/// to, simplified with GEOS's topology-preserving Douglas–Peucker at `defaultTolerance` degrees
/// (about 1 m). Every other record is a null shape. One zip per state, written byte-for-byte
/// reproducibly by `geo287 data compact-places`.
public enum CompactPlaceLayer {
    /// 1e-5 degrees: at most 1.1 m north–south and less east–west.
    public static let defaultTolerance = 1e-5
    /// The TIGER fields kept (the others — PLACENS, PCICBSA, PCINECTA, ALAND, AWATER — are unused here).
    public static let keptFields = ["STATEFP", "PLACEFP", "GEOID", "NAME", "NAMELSAD", "LSAD", "CLASSFP", "MTFCC",
                                    "FUNCSTAT", "INTPTLAT", "INTPTLON"]

    public struct StateReport: Sendable {
        public let stateFIPS: String
        public let path: String
        public let places: Int
        public let polygons: Int
        public let verticesIn: Int
        public let verticesOut: Int
        /// Largest Hausdorff distance between an original and a simplified polygon, in degrees.
        public let maxDeviation: Double
        /// Places whose simplified polygon was not valid, kept unsimplified.
        public let keptOriginal: Int
    }

    /// The place GEOIDs that the agreements of the given sheets resolve to.
    public static func agreementPlaces(sheetPaths: [String], gazetteer: Gazetteer) throws -> Set<String> {
        let matcher = JurisdictionMatcher(gazetteer: gazetteer)
        var out = Set<String>()
        for path in sheetPaths {
            let sheet = try SheetReader.read(path: path)
            for m in try matcher.match(sheet.agreements) {
                if let g = m.jurisdiction.geoid, g.count == 7 { out.insert(g) }
            }
        }
        return out
    }

    /// Writes one compact zip per state of `source`'s full place layer into `target`.
    public static func write(from source: DataRoot, to target: DataRoot, keep: Set<String>,
                             tolerance: Double = defaultTolerance, threads: Int) throws -> [StateReport] {
        let states = USState.all.map(\.fips).filter { source.exists(CensusLayers.fullPlacesPath(stateFIPS: $0)) }.sorted()
        guard !states.isEmpty else {
            throw DataError.missing(source.path(CensusLayers.fullPlacesFolder), "no TIGER/Line place zips (tl_2019_SS_place.zip) to derive from; `geo287 data fetch places --state all --data <this root>` gets them")
        }
        return try Parallel.map(states, threads: threads) { fips in
            try writeState(fips, from: source, to: target, keep: keep, tolerance: tolerance)
        }
    }

    public static func writeState(_ fips: String, from source: DataRoot, to target: DataRoot, keep: Set<String>,
                           tolerance: Double) throws -> StateReport {
        let zipPath = source.path(CensusLayers.fullPlacesPath(stateFIPS: fips))
        let table = try ShapefileReader.read(zipPath, geometry: .none)
        let kept = table.features.filter { keep.contains($0.string("GEOID") ?? "") }.map(\.recordIndex)
        let polygons = try ShapefileReader.zipGeometries(zipPath, records: .records(Set(kept)))
        let fieldIndex = try keptFields.map { name -> Int in
            guard let i = table.schema.fieldIndex(name) else { throw DataError(table.path, "no field \(name)") }
            return i
        }
        let fields = fieldIndex.map { i -> ShapefileWriter.Field in
            let f = table.schema.fields[i]
            let numeric = f.kind == .integer || f.kind == .double
            return ShapefileWriter.Field(name: f.name, type: numeric ? "N" : "C", width: f.width, decimals: f.decimals)
        }
        let context = try GEOSContext()
        var records: [ShapefileWriter.Record] = []
        var vin = 0, vout = 0, maxDev = 0.0, original = 0
        for f in table.features {
            var geometry = MultiPolygon([])
            if let p = polygons[f.recordIndex], !p.polygons.isEmpty {
                let g = try context.geometry(p)
                let s = try g.simplifiedPreservingTopology(tolerance: tolerance)
                if try s.isValid, try !s.isEmpty {
                    geometry = try s.multiPolygon()
                    maxDev = max(maxDev, try g.hausdorffDistance(to: s))
                } else {
                    geometry = p
                    original += 1
                }
                vin += vertexCount(p)
                vout += vertexCount(geometry)
            }
            records.append(.init(geometry: geometry, values: fieldIndex.map { f.values[$0].stringValue ?? "" }))
        }
        let files = try ShapefileWriter.write(fields: fields, records: records)
        let zip = try ZipFile(path: zipPath)
        let stem = "tl_2019_\(fips)_place"
        guard let prj = zip.memberPaths.first(where: { $0.hasSuffix(".prj") }) else { throw DataError(zipPath, "zip holds no .prj") }
        let out = target.path(CensusLayers.compactPlacesPath(stateFIPS: fips))
        try ZipWriter.write([
            ("\(stem).shp", files["shp"] ?? Data()), ("\(stem).shx", files["shx"] ?? Data()),
            ("\(stem).dbf", files["dbf"] ?? Data()), ("\(stem).prj", try zip.read(prj)), ("\(stem).cpg", Data("UTF-8".utf8)),
        ], to: out)
        return StateReport(stateFIPS: fips, path: out, places: records.count, polygons: kept.count, verticesIn: vin,
                           verticesOut: vout, maxDeviation: maxDev, keptOriginal: original)
    }

    static func vertexCount(_ m: MultiPolygon) -> Int {
        m.polygons.reduce(0) { $0 + $1.shell.points.count + $1.holes.reduce(0) { $0 + $1.points.count } }
    }
}
