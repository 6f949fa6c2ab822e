import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Geometry
import Geo287Maps
import Geo287TestSupport
import Testing

/// Light layers that stay valid: every polygon checked with GEOS at every tolerance, precision
/// and preset, one geometry type per layer, the web preset's size, TopoJSON that decodes to the
/// GeoJSON shapes, and (when GDAL is installed) ogrinfo opening them.
@Suite struct LayerValidityTests {
    /// Counties the old per-arc simplification left invalid at these settings (nested shells,
    /// self-intersections): Arapahoe, Denver, Broomfield, Weld, Jefferson CO, Yamhill, Tensas, Sonoma.
    static let troubled = ["08005", "08031", "08014", "08123", "08059", "41071", "22107", "06097"]

    @Test(arguments: [(1000.0, 4), (2000.0, 3), (5000.0, 2), (250.0, 6)])
    func everyCountyPolygonIsValid(tolerance: Double, precision: Int) throws {
        let f = try Fixture.get()
        let text = try GeoJSONLayers.counties(f.national, counties: f.gazetteer.counties,
                                              options: .init(precision: precision, toleranceMetres: tolerance))
        let json = try GeoJSONChecks(text)
        #expect(json.features.count == 3235)
        #expect(json.geometryTypes == ["MultiPolygon"])
        #expect(try json.invalidFeatures(nameKey: "fips") == [])
        json.checkRFC7946()
        // No county lost its shape.
        #expect(json.features.indices.allSatisfy { !json.rings($0).isEmpty })
    }

    @Test func invalidCountiesAreRefinedNotWritten() throws {
        let f = try Fixture.get()
        let counties = f.gazetteer.counties.filter { Self.troubled.contains(String($0.geoid.prefix(5))) || $0.stateFIPS == "08" }
        let layer = try ValidLayer(counties.map(\.geometry), zones: counties.map { MapZone(stateFIPS: $0.stateFIPS) },
                                   names: counties.map(\.geoid), toleranceMetres: 2000, precision: 3)
        // The Denver-area counties are invalid after plain arc simplification: some were refined.
        #expect(layer.refined > 0)
        let geos = try GEOSContext()
        for (i, c) in counties.enumerated() {
            #expect(try geos.geometry(layer.grid.multiPolygon(layer.shapes[i])).isValid, "\(c.geoid) \(c.nameWithType)")
            #expect(!layer.shapes[i].isEmpty)
        }
    }

    @Test func webPresetIsLightValidAndKeyedByFIPS() throws {
        let f = try Fixture.get()
        let geojson = try GeoJSONLayers.counties(f.national, counties: f.gazetteer.counties, options: .web(format: .geojson))
        let topojson = try GeoJSONLayers.counties(f.national, counties: f.gazetteer.counties, options: .web(format: .topojson))
        #expect(geojson.utf8.count < 1_500_000)
        #expect(topojson.utf8.count < geojson.utf8.count * 85 / 100)
        let json = try GeoJSONChecks(geojson)
        #expect(json.geometryTypes == ["MultiPolygon"])
        #expect(try json.invalidFeatures(nameKey: "fips") == [])
        var covered = 0, local = 0
        for i in json.features.indices {
            covered += json.properties(i)["covered"] as? Int ?? 0
            local += json.properties(i)["covered_without_statewide"] as? Int ?? 0
        }
        #expect(covered == f.national.national.covered)
        #expect(local == f.national.national.coveredWithoutStatewide && local < covered)
        // Travis County, TX: everyone covered, by the state's agencies only; none listed locally.
        let travis = try #require(json.features.indices.first { json.properties($0)["fips"] as? String == "48453" })
        #expect(json.properties(travis)["statewide"] as? Bool == true)
        #expect((json.properties(travis)["agencies"] as? String ?? "x").contains("Texas Department of Public Safety") == false)
    }

    /// Decodes a quantized TopoJSON object into rings of coordinates per feature.
    static func decode(_ text: String, object: String) throws -> [[[[Double]]]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let transform = try #require(root["transform"] as? [String: Any])
        let scale = try #require(transform["scale"] as? [Double]), translate = try #require(transform["translate"] as? [Double])
        let arcs = try #require(root["arcs"] as? [[[Int]]]).map { arc -> [[Double]] in
            var x = 0, y = 0
            return arc.map { d in x += d[0]; y += d[1]; return [Double(x) * scale[0] + translate[0], Double(y) * scale[1] + translate[1]] }
        }
        let objects = try #require(root["objects"] as? [String: Any])
        let collection = try #require(objects[object] as? [String: Any])
        let geometries = try #require(collection["geometries"] as? [[String: Any]])
        return geometries.map { g in
            let polys = g["arcs"] as? [[[Int]]] ?? []
            return polys.flatMap { rings in rings.map { refs in
                var ring: [[Double]] = []
                for r in refs {
                    let pts = r >= 0 ? arcs[r] : arcs[~r].reversed()
                    ring += ring.isEmpty ? pts : Array(pts.dropFirst())
                }
                return ring
            } }
        }
    }

    static func twiceArea(_ ring: [[Double]]) -> Double {
        var s = 0.0
        for k in 0..<(max(ring.count, 1) - 1) { s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1] }
        return s
    }

    @Test func topoJSONDecodesToTheSameShapesWithSharedArcs() throws {
        let f = try Fixture.get()
        let options = GeoJSONLayers.Options(precision: 4, toleranceMetres: 1000)
        var topo = options
        topo.format = .topojson
        let geojsonText = try GeoJSONLayers.counties(f.national, counties: f.gazetteer.counties, options: options)
        let geojson = try GeoJSONChecks(geojsonText)
        let text = try GeoJSONLayers.counties(f.national, counties: f.gazetteer.counties, options: topo)
        let decoded = try Self.decode(text, object: "counties")
        #expect(decoded.count == geojson.features.count)
        for i in geojson.features.indices {
            let rings = geojson.rings(i)
            #expect(decoded[i].count == rings.count)
            // Same rings (as areas, to 1e-9 square degrees), exteriors clockwise in TopoJSON.
            let a = rings.map { abs(Self.twiceArea($0.0)) }.sorted(), b = decoded[i].map { abs(Self.twiceArea($0)) }.sorted()
            #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-9 }, "feature \(i)")
        }
        let exteriors = geojson.features.indices.compactMap { i in decoded[i].first }
        #expect(exteriors.allSatisfy { Self.twiceArea($0) < 0 })
        // Shared borders stored once: far fewer positions than the GeoJSON's.
        #expect(text.utf8.count * 10 < geojsonText.utf8.count * 7)
    }

    @Test func jurisdictionTerritoriesAreValidAtLowPrecision() throws {
        let f = try Fixture.get()
        let agreements = MapAgreements.admitted(f.matched, pending: nil, options: f.florida.options)
        for precision in [3, 4] {
            let text = try GeoJSONLayers.jurisdictions(f.florida, agreements: agreements, gazetteer: f.gazetteer,
                                                       options: .init(precision: precision, toleranceMetres: 2000), threads: 2)
            let json = try GeoJSONChecks(text)
            #expect(json.features.count == agreements.count)
            #expect(json.geometryTypes == ["MultiPolygon"])
            #expect(try json.invalidFeatures(nameKey: "agency") == [])
        }
    }

    @Test func gridRefusesNonFiniteCoordinates() {
        let grid = CoordinateGrid(precision: 3)
        #expect(throws: DataError.self) { try grid.point(Coordinate(.nan, 30)) }
        #expect(throws: DataError.self) { try grid.point(Coordinate(-80, .infinity)) }
        #expect((try? grid.point(Coordinate(-80.12345, 25.5))) == GridPoint(x: -80123, y: 25500))
    }

    static let ogrinfo = "/usr/bin/ogrinfo"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ogrinfo), "ogrinfo (gdal-bin) is not installed"))
    func ogrinfoOpensTheWebLayers() throws {
        let f = try Fixture.get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-ogr-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in GeoJSONLayers.Format.allCases {
            let path = dir.appendingPathComponent("counties.\(format.rawValue)").path
            try AtomicFile.write(Data(try GeoJSONLayers.counties(f.national, counties: f.gazetteer.counties, options: .web(format: format)).utf8), to: path)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.ogrinfo)
            p.arguments = ["-so", "-al", path]
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(out)")
            #expect(out.contains("Geometry: Multi Polygon") && out.contains("Feature Count: 3235"), "\(format): \(out)")
            #expect(out.contains("covered_without_statewide"))
        }
    }
}
