import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Jurisdictions
import Testing

/// Census layers and tables that are damaged or do not fit together are refused with the file
/// and the record, not counted as fewer people or answered with a PROJ or GEOS failure.
@Suite("Hostile input: Census layers and tables")
struct CensusCompletenessTests {
    /// A data root whose county layer is `geometries` and whose other Census files are the real ones.
    static func root(_ dir: HostileDir, counties geometries: [MultiPolygon]) throws -> DataRoot {
        let stem = String(CensusLayers.countiesPath.dropLast(4))
        _ = try HostileFixtures.shapefile(dir, stem, geometries)
        for path in [CensusLayers.populationPath, CensusLayers.crosswalkPath] {
            try FileManager.default.createDirectory(atPath: dir.path + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: HostileFixtures.root.path(path), toPath: dir.path + "/" + path)
        }
        return DataRoot(url: URL(fileURLWithPath: dir.path), source: .option)
    }

    @Test("a county record outside longitude/latitude is an error naming the file, record and GEOID")
    func countyOutsideLonLat() throws {
        let dir = try HostileDir("lonlat"); defer { dir.remove() }
        let root = try Self.root(dir, counties: [HostileFixtures.square(-82, 27), HostileFixtures.square(-82, 95)])
        let path = root.path(CensusLayers.countiesPath)
        #expect(throws: DataError(path, "record 2 (GEOID 12902): coordinates reach (-82.0, 95.0)–(-81.9, 95.1), outside longitude ±180° and latitude ±90°")) {
            _ = try CensusLayers.counties(root)
        }
    }

    @Test("a county of the polygon layer without a population row is an error, not 0 people")
    func countyWithoutPopulation() throws {
        let dir = try HostileDir("nopop"); defer { dir.remove() }
        let root = try Self.root(dir, counties: [HostileFixtures.square(-82, 27)])
        #expect(throws: DataError(root.path(CensusLayers.populationPath), "incomplete table: no row for Test 1 County, FL (12901) of the county layer")) {
            _ = try Gazetteer.load(root)
        }
    }
}
