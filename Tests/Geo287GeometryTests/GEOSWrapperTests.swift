import Foundation
import Geo287Core
import Geo287Geometry
import Testing

@Suite struct GEOSWrapperTests {
    @Test func wktAndWkbRoundTrip() throws {
        let ctx = try GEOSContext()
        let g = try ctx.geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))")
        #expect(try g.area() == 96)
        #expect(try g.typeName == "Polygon")
        let back = try ctx.geometry(wkb: try g.wkb())
        #expect(try back.wkt() == "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))")
        let multi = try g.multiPolygon()
        #expect(multi.polygons.count == 1 && multi.holeCount == 1 && multi.area == 96)
    }

    @Test func geosErrorsBecomeThrownMessages() throws {
        let ctx = try GEOSContext()
        do {
            _ = try ctx.geometry(wkt: "POLYGON ((0 0, 1 1")
            Issue.record("malformed WKT was accepted")
        } catch let GeometryError.geos(op, message) {
            #expect(op == "WKT read")
            #expect(message.contains("ParseException") || message.contains("Expected"), "\(message)")
        }
    }

    @Test func geometriesOfTwoContextsNeverMeet() throws {
        let a = try GEOSContext(), b = try GEOSContext()
        let square = try a.geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
        let point = try b.point(Coordinate(1, 1))
        #expect(try square.contains(try a.point(Coordinate(1, 1))))
        #expect(throws: GeometryError.contextMismatch("contains")) { try square.contains(point) }
        #expect(throws: GeometryError.contextMismatch("intersection")) { try square.intersection(point) }
        #expect(throws: GeometryError.contextMismatch("prepared covers")) { try square.prepared().covers(point) }
        let tree = try STRtree(context: a, geometries: [square])
        #expect(throws: GeometryError.contextMismatch("STRtree query")) { try tree.query(point) }
        #expect(throws: GeometryError.contextMismatch("STRtree insert")) { try STRtree(context: b, geometries: [square]) }
        // A cache whose maker hands back another context's geometry refuses it.
        let cache = PreparedPolygons(context: b, count: 1) { _ in square }
        #expect(throws: GeometryError.contextMismatch("polygon 0")) { try cache.prepared(0) }
    }

    @Test func accessorsAnswerOrThrow() throws {
        let ctx = try GEOSContext()
        let multi = try ctx.geometry(wkt: "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))")
        #expect(try multi.partCount == 2)
        #expect(try multi.typeName == "MultiPolygon")
        #expect(try !multi.isEmpty && multi.isValid)
        #expect(try ctx.geometry(wkt: "POLYGON EMPTY").isEmpty)
    }

    @Test func makeValidRepairsABowtie() throws {
        let ctx = try GEOSContext()
        let bowtie = try ctx.geometry(wkt: "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")
        #expect(try !bowtie.isValid)
        #expect(bowtie.validityReason.contains("Self-intersection"))
        let fixed = try bowtie.makeValid()
        #expect(try fixed.isValid)
        #expect(abs(try fixed.area() - 2) < 1e-12)
    }

    @Test func overlayPredicatesAndPrepared() throws {
        let ctx = try GEOSContext()
        let a = try ctx.geometry(wkt: "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))")
        let b = try ctx.geometry(wkt: "POLYGON ((2 2, 6 2, 6 6, 2 6, 2 2))")
        #expect(try a.intersection(b).area() == 4)
        #expect(try a.union(b).area() == 28)
        #expect(try a.intersects(b))
        let p = try a.prepared()
        #expect(try p.contains(Coordinate(1, 1)))
        #expect(try !p.contains(Coordinate(4, 2)))  // on the boundary: not contained
        #expect(try p.covers(try ctx.point(Coordinate(4, 2))))
        #expect(try a.bounds() == BoundingBox(minX: 0, minY: 0, maxX: 4, maxY: 4))
    }

    @Test func strtreeFindsCandidates() throws {
        let ctx = try GEOSContext()
        let squares = try (0..<10).map { i in
            try ctx.rectangle(BoundingBox(minX: Double(i), minY: 0, maxX: Double(i) + 1, maxY: 1))
        }
        let tree = try STRtree(context: ctx, geometries: squares)
        #expect(try tree.query(BoundingBox(minX: 2.5, minY: 0.5, maxX: 4.5, maxY: 0.6)) == [2, 3, 4])
        #expect(try tree.query(BoundingBox(minX: 20, minY: 0, maxX: 21, maxY: 1)).isEmpty)
    }

    @Test func projRoundTripAndAxisOrder() throws {
        let proj = try ProjTransformer(from: ProjTransformer.nad83, to: ProjTransformer.conusAlbers)
        // EPSG:5070's origin: 23°N 96°W maps to (0, 0) up to the false easting/northing (both 0).
        let origin = try proj.transform(Coordinate(-96, 23))
        #expect(abs(origin.x) < 1e-6 && abs(origin.y) < 1e-6)
        let tampa = Coordinate(-82.4572, 27.9506)
        let xy = try proj.transform(tampa)
        #expect(xy.x > 1_300_000 && xy.x < 1_400_000)  // east of the central meridian, in metres
        let back = try proj.transform(xy, inverse: true)
        #expect(abs(back.x - tampa.x) < 1e-9 && abs(back.y - tampa.y) < 1e-9)
        #expect(throws: GeometryError.self) { _ = try ProjTransformer(from: "EPSG:999999", to: ProjTransformer.conusAlbers) }
    }
}

/// A GEOS or PROJ failure on a polygon read from a file names the file and the record, not
/// only GEOS's words ("GEOS envelope failed: no message" named neither).
@Suite struct GeometryErrorAttributionTests {
    static let source = RecordSource(path: "census/counties/x.shp", record: 2, id: "12057")

    @Test func aFailureOnAPolygonNamesItsFileAndRecord() throws {
        let ctx = try GEOSContext()
        let square = try ctx.geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
        let polygons = PreparedPolygons(context: ctx, count: 3) { i in
            guard i == 2 else { return square }
            throw GeometryError.geos(operation: "envelope", message: "")
        }
        polygons.sources = [nil, nil, Self.source]
        let point = try ctx.point(Coordinate(1, 1))
        #expect(try polygons.firstCovering(point, among: [0, 1]) == 0)
        #expect(throws: DataError("census/counties/x.shp", "record 3 (GEOID 12057): GEOS envelope failed: no message")) {
            _ = try polygons.firstCovering(point, among: [2])
        }
    }

    @Test func withoutASourceTheErrorIsGEOSOwn() throws {
        let error = GeometryError.proj(operation: "transform", message: "point 4")
        #expect(throws: error) { try GeometryError.attributed(to: nil) { throw error } }
        #expect(throws: DataError("census/counties/x.shp", "record 3 (GEOID 12057): PROJ transform failed: point 4")) {
            try GeometryError.attributed(to: Self.source) { throw error }
        }
        // Other errors pass unchanged.
        #expect(throws: DataError("f", "m")) { try GeometryError.attributed(to: Self.source) { throw DataError("f", "m") } }
    }
}
