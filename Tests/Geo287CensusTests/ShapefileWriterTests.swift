import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Testing

/// The shapefile and zip writers behind the compact place layer: what they write reads back
/// the same through both readers, and the same input gives the same bytes.
@Suite struct ShapefileWriterTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-writer-\(UUID().uuidString)")

    static let fields = [ShapefileWriter.Field(name: "GEOID", type: "C", width: 7),
                         ShapefileWriter.Field(name: "NAME", type: "C", width: 20),
                         ShapefileWriter.Field(name: "POP", type: "N", width: 9)]

    /// A square with a square hole (given in the wrong orientations) and a null record.
    static let records: [ShapefileWriter.Record] = {
        let shell = Ring([Coordinate(0, 0), Coordinate(4, 0), Coordinate(4, 4), Coordinate(0, 4)])   // counter-clockwise
        let hole = Ring([Coordinate(1, 1), Coordinate(1, 2), Coordinate(2, 2), Coordinate(2, 1)])    // clockwise
        return [.init(geometry: MultiPolygon([Polygon(shell: shell, holes: [hole])]), values: ["3500001", "Doña Ana", "219561"]),
                .init(geometry: MultiPolygon([]), values: ["3500002", "Española", "10495"])]
    }()

    func writeZip(_ name: String) throws -> String {
        let files = try ShapefileWriter.write(fields: Self.fields, records: Self.records)
        let path = dir.appendingPathComponent(name).path
        try ZipWriter.write([("t.shp", files["shp"] ?? Data()), ("t.shx", files["shx"] ?? Data()),
                             ("t.dbf", files["dbf"] ?? Data()), ("t.cpg", Data("UTF-8".utf8))], to: path)
        return path
    }

    @Test func roundTripThroughBothReaders() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let zipped = try ShapefileReader.read(try writeZip("a.zip"))
        #expect(zipped.features.count == 2)
        let square = zipped.features[0].geometry
        #expect(square.polygons.count == 1 && square.polygons[0].holes.count == 1)
        #expect(square.polygons[0].area == 15)
        #expect(zipped.features[0].string("NAME") == "Doña Ana" && zipped.features[1].string("NAME") == "Española")
        #expect(zipped.features[0]["POP"] == .integer(219_561))
        #expect(zipped.features[1].geometry.polygons.isEmpty)
        // Unzipped, shapelib reads the same records (and checks the shape type and counts).
        let files = try ShapefileWriter.write(fields: Self.fields, records: Self.records)
        for (ext, data) in files { try data.write(to: dir.appendingPathComponent("u.\(ext)")) }
        let plain = try ShapefileReader.read(dir.appendingPathComponent("u.shp").path)
        #expect(plain.features.map(\.geometry) == zipped.features.map(\.geometry))
        #expect(plain.features[0].string("GEOID") == "3500001")
    }

    @Test func shellsClockwiseHolesCounterClockwiseAndBytesRepeat() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try ShapefileWriter.write(fields: Self.fields, records: Self.records)
        let shp = try #require(files["shp"])
        // First record's first ring starts after 100 (header) + 8 (record header) + 44 + 4 * 2 parts.
        let ring = (0..<5).map { i -> Coordinate in
            let at = 100 + 8 + 44 + 8 + 16 * i
            let x = shp.subdata(in: at..<at + 8).withUnsafeBytes { Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
            let y = shp.subdata(in: at + 8..<at + 16).withUnsafeBytes { Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
            return Coordinate(x, y)
        }
        #expect(Ring(ring).isClockwise)
        let a = try Data(contentsOf: URL(fileURLWithPath: try writeZip("a.zip")))
        let b = try Data(contentsOf: URL(fileURLWithPath: try writeZip("b.zip")))
        #expect(a == b)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.zip", "b.zip"])   // no temp files left
    }

    @Test func valueTooWideIsAnError() {
        let r = [ShapefileWriter.Record(geometry: MultiPolygon([]), values: ["12345678", "x", "1"])]
        let e = #expect(throws: DataError.self) { try ShapefileWriter.write(fields: Self.fields, records: r) }
        #expect(e?.message.contains("do not fit width 7") == true)
    }
}
