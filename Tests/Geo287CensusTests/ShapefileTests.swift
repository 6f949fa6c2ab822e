import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287TestSupport
import Testing

@Suite struct ShapefileTests {
    @Test func countyLayerFacts() throws {
        let shp = try ShapefileReader.read(TestData.counties5m)
        #expect(shp.features.count == 3235)
        #expect(shp.encoding == "UTF-8")
        let geoids = shp.features.compactMap { $0.string("GEOID") }
        #expect(geoids.count == 3235)
        #expect(geoids.allSatisfy { $0.count == 5 && $0.allSatisfy(\.isNumber) })
        #expect(Set(geoids).count == 3235)
        let holes = shp.features.reduce(0) { $0 + $1.geometry.holeCount }
        #expect(holes == 23)
        // Doña Ana County, NM: UTF-8 text decoded.
        #expect(shp.features.contains { $0.string("GEOID") == "35013" && $0.string("NAME") == "Doña Ana" })
        // ALAND is N14: integers beyond Int32 survive (Yukon-Koyukuk, AK, ~380,000 km²).
        let yk = shp.features.first { $0.string("GEOID") == "02290" }
        if case let .integer(aland)? = yk?["ALAND"] { #expect(aland > Int64(Int32.max)) } else { Issue.record("ALAND not an integer") }
    }

    @Test func everyCountyIsAValidPolygon() throws {
        let shp = try ShapefileReader.read(TestData.counties5m)
        let ctx = try GEOSContext()
        var invalid: [String] = []
        for f in shp.features {
            let g = try ctx.geometry(f.geometry)
            if try !g.isValid { invalid.append(f.string("GEOID") ?? "?") }
        }
        #expect(invalid.isEmpty, "invalid: \(invalid)")
    }

    @Test func equalAreaSumMatchesReference() throws {
        // geopandas/pyproj: sum of county areas in EPSG:5070 = 9,365,530 km².
        let shp = try ShapefileReader.read(TestData.counties5m)
        let proj = try ProjTransformer(from: ProjTransformer.nad83, to: ProjTransformer.conusAlbers)
        let ctx = try GEOSContext()
        var total = 0.0
        for f in shp.features {
            total += try ctx.geometry(try proj.transform(f.geometry)).area()
        }
        let km2 = total / 1e6
        #expect(abs(km2 - 9_365_530) / 9_365_530 < 0.001, "got \(km2) km²")
    }
}

@Suite struct ZippedShapefileTests {
    /// Polygons from a zip are parsed in memory from the `.shp` bytes; the same files unzipped
    /// and read through shapelib give the same polygons, record for record.
    @Test(ReferenceData.needsFullData) func inMemoryZipReadingEqualsShapelib() throws {
        let zipPath = TestData.path("census/places/tiger2019/tl_2019_44_place.zip")   // Rhode Island, 36 places
        let fromZip = try ShapefileReader.read(zipPath)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-unzipped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = try ZipFile(path: zipPath)
        try archive.extract(archive.memberPaths, into: dir)
        let fromFiles = try ShapefileReader.read(dir.appendingPathComponent("tl_2019_44_place.shp").path)
        #expect(fromZip.features.count == 36 && fromFiles.features.count == 36)
        for (a, b) in Swift.zip(fromZip.features, fromFiles.features) {
            #expect(a.geometry == b.geometry, "record \(a.recordIndex)")
            #expect(a.values == b.values)
        }
        // Only some records: the others come back empty, the chosen ones identical.
        let some = try ShapefileReader.read(zipPath, geometry: .records([0, 35]))
        #expect(some.features[0].geometry == fromFiles.features[0].geometry)
        #expect(some.features[35].geometry == fromFiles.features[35].geometry)
        #expect(some.features[1].geometry.polygons.isEmpty)
    }
}
