import Foundation
import Geo287Geometry

/// Subsets of the national tables for `geo287 lookup`, which reads only what one location needs
/// (the one-state crosswalk is `PlaceCountyCrosswalk.load(_:stateFIPS:)`).
extension PopulationTable {
    /// A table without rows, for work that needs no population (a single lookup).
    public static func empty(vintage: String = "none") -> PopulationTable {
        PopulationTable(vintage: vintage, counties: [:], states: [:])
    }
}

extension CensusLayers {
    /// The places of one state with polygons read only for those whose bounding box (from the
    /// `.shp` record headers) contains `point`; the others keep an empty geometry. For a single
    /// point lookup this reads a few polygons instead of a whole state's (Texas: ~1,900).
    public static func places(_ root: DataRoot, stateFIPS: String, boxContaining point: Coordinate) throws -> [Place] {
        try places(root, stateFIPS: stateFIPS, readingGeometryWhere: { $0.contains(point) })
    }

    /// The places of one state, with polygons only for the records whose `.shp` bounding box
    /// passes `wanted` (the others keep an empty geometry).
    public static func places(_ root: DataRoot, stateFIPS: String, readingGeometryWhere wanted: (BoundingBox) -> Bool) throws -> [Place] {
        let rel = placesPath(stateFIPS: stateFIPS)
        guard root.exists(rel) else { return [] }
        let zipPath = root.path(rel)
        let zip = try ZipFile(path: zipPath)
        guard let shp = zip.memberPaths.first(where: { $0.lowercased().hasSuffix(".shp") }) else {
            throw DataError(zipPath, "zip holds no .shp file")
        }
        let stem = String(shp.dropLast(4))
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-lookup-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try zip.extract(["shx", "dbf", "cpg"].map { "\(stem).\($0)" }.filter(zip.contains), into: tmp, verifyCRC: false)
        let shpBytes = try zip.read(shp, verifyCRC: false)
        let local = tmp.appendingPathComponent((shp as NSString).lastPathComponent)
        try shpBytes.write(to: local)
        let records = try ShapeRecordBoxes.records([UInt8](shpBytes), where: wanted, path: "\(zipPath)!\(shp)")
        let file = try ShapefileReader.readFiles(local.path, reportedPath: "\(zipPath)!\(shp)", geometry: .records(records))
        return try file.features.map { f in
            guard let geoid = f.string("GEOID"), geoid.count == 7 else {
                throw DataError(file.path, "record \(f.recordIndex + 1): GEOID is not 7 digits")
            }
            return Place(geoid: geoid, stateFIPS: stateFIPS, name: f.string("NAME") ?? "",
                         nameWithType: f.string("NAMELSAD") ?? "", classCode: f.string("CLASSFP") ?? "",
                         geometry: f.geometry, recordIndex: f.recordIndex)
        }
    }
}

/// Record bounding boxes straight from `.shp` bytes (ESRI layout: 100-byte header, then per
/// record a big-endian number and length in 16-bit words, the shape type and, for polygons,
/// the box as four little-endian doubles).
enum ShapeRecordBoxes {
    static func records(_ b: [UInt8], where wanted: (BoundingBox) -> Bool, path: String) throws -> Set<Int> {
        func be32(_ o: Int) -> Int { Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3]) }
        func le32(_ o: Int) -> Int { Int(b[o]) | Int(b[o + 1]) << 8 | Int(b[o + 2]) << 16 | Int(b[o + 3]) << 24 }
        func f64(_ o: Int) -> Double {
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(b[o + k]) << (8 * UInt64(k)) }
            return Double(bitPattern: bits)
        }
        guard b.count >= 100 else { throw DataError(path, "shorter than a shapefile header") }
        var out = Set<Int>()
        var offset = 100, index = 0
        while offset + 12 <= b.count {
            let length = be32(offset + 4) * 2
            guard length >= 4, offset + 8 + length <= b.count else { throw DataError(path, "record \(index + 1) runs past the end of the file") }
            if le32(offset + 8) != 0, length >= 36 {
                let box = BoundingBox(minX: f64(offset + 12), minY: f64(offset + 20), maxX: f64(offset + 28), maxY: f64(offset + 36))
                if wanted(box) { out.insert(index) }
            }
            offset += 8 + length
            index += 1
        }
        return out
    }
}
