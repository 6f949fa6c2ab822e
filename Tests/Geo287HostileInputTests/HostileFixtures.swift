import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287TestSupport

/// Hostile inputs built by the tests themselves from the real bundled data (no committed
/// blobs): a real ICE workbook with its worksheet rewritten, CSV sheets, shapefiles written by
/// `ShapefileWriter`, Census tables cut or edited.
struct HostileDir {
    let path: String

    init(_ name: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-hostile-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let p = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

enum HostileFixtures {
    static let root = ReferenceData.embedded
    /// A real participating sheet (151 agreements), small enough to rewrite quickly.
    static let sheetPath = root.path("ice/participating-2025-02-21.xlsx")
    static let worksheetPart = "xl/worksheets/sheet1.xml"

    /// The real workbook's members.
    static func workbookMembers() throws -> [(name: String, data: Data)] {
        let zip = try ZipFile(path: sheetPath)
        return try zip.memberPaths.map { ($0, try zip.read($0)) }
    }

    /// The real worksheet XML.
    static func worksheet() throws -> String {
        String(decoding: try ZipFile(path: sheetPath).read(worksheetPart), as: UTF8.self)
    }

    /// The real workbook with its worksheet replaced.
    static func workbook(_ dir: HostileDir, _ name: String, worksheet xml: String) throws -> String {
        let members = try workbookMembers().map { m in m.name == worksheetPart ? (m.name, Data(xml.utf8)) : m }
        let out = dir.path + "/" + name
        try ZipWriter.write(members, to: out)
        return out
    }

    static let csvHeader = "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED\n"

    /// A square of side 0.1° at (x, y), clockwise (a shapefile shell).
    static func square(_ x: Double, _ y: Double) -> MultiPolygon {
        MultiPolygon([Polygon(shell: Ring([Coordinate(x, y), Coordinate(x, y + 0.1), Coordinate(x + 0.1, y + 0.1), Coordinate(x + 0.1, y)]))])
    }

    /// The county layer's columns geo287 reads.
    static let fields = [ShapefileWriter.Field(name: "GEOID", type: "C", width: 5), ShapefileWriter.Field(name: "NAME", type: "C", width: 20),
                         ShapefileWriter.Field(name: "NAMELSAD", type: "C", width: 30), ShapefileWriter.Field(name: "STUSPS", type: "C", width: 2)]

    /// Record i: GEOID `12` + 3 digits (Florida), `County i`.
    static func records(_ geometries: [MultiPolygon]) -> [ShapefileWriter.Record] {
        geometries.enumerated().map { i, g in
            ShapefileWriter.Record(geometry: g, values: [String(format: "12%03d", 901 + i), "Test \(i + 1)", "Test \(i + 1) County", "FL"])
        }
    }

    /// Writes `stem.shp/.shx/.dbf` into `dir` and returns the .shp path.
    static func shapefile(_ dir: HostileDir, _ stem: String, _ geometries: [MultiPolygon]) throws -> String {
        let files = try ShapefileWriter.write(fields: fields, records: records(geometries))
        try FileManager.default.createDirectory(atPath: (dir.path + "/\(stem)" as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        for (ext, data) in files { try dir.write("\(stem).\(ext)", [UInt8](data)) }
        return dir.path + "/\(stem).shp"
    }

    /// The shapefile's three files as zip members named `stem.*`.
    static func shapefileMembers(_ stem: String, _ geometries: [MultiPolygon]) throws -> [(name: String, data: Data)] {
        try ShapefileWriter.write(fields: fields, records: records(geometries)).sorted { $0.key < $1.key }.map { ("\(stem).\($0.key)", $0.value) }
    }
}
