import Foundation
@testable import Geo287Export
import Geo287TestSupport
import Testing

/// The exported files read by readers geo287 has no part in: pyarrow, geopandas, DuckDB (its
/// Parquet reader and spatial extension) and GDAL (GeoPackage).
@Suite struct IndependentReaderTests {
    @Test(.enabled(if: ExportTools.hasPython, ExportTools.pythonReason))
    func pyarrowGeopandasAndDuckDBReadTheGeoParquet() throws {
        let fixture = try ExportFixture.shared.get()
        let run = try ExportTools.run(ExportTools.python, [ExportTools.scripts.appendingPathComponent("check_export.py").path, fixture.folder])
        #expect(run.status == 0, "\(run.stderr)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let periods = fixture.layers.periods
        let shapeless = try #require(fixture.layers.tables.first { $0.name == "jurisdiction_periods" }?.geometry).filter { $0 == nil }.count
        let layer = try #require(seen["jurisdiction_periods"] as? [String: Any])
        #expect(layer["rows"] as? Int == periods.count)
        #expect((layer["row_groups"] as? Int ?? 0) >= 2)
        #expect(layer["crs"] as? String == "OGC:CRS84")
        #expect(layer["invalid_geometries"] as? Int == 0)
        #expect(layer["null_geometries"] as? Int == shapeless)
        #expect(layer["types"] as? [String] == ["MultiPolygon"])
        let geo = try #require(layer["geo"] as? [String: Any])
        #expect(geo["version"] as? String == "1.1.0")
        for name in ["counties", "places"] {
            let l = try #require(seen[name] as? [String: Any])
            #expect(l["crs"] as? String == "OGC:CRS84" && l["invalid_geometries"] as? Int == 0 && l["null_geometries"] as? Int == 0, "\(name)")
        }
        #expect((seen["counties"] as? [String: Any])?["rows"] as? Int == 3235)
        let va = try #require((seen["virginia_state_police"] as? [[String: Any]])?.first)
        #expect(va["signed"] as? String == "2025-02-28" && va["last_seen"] as? String == "2026-01-26")
        #expect(va["absent_from"] as? String == "2026-02-11" && va["valid_to"] as? String == "2026-01-26")
        let duck = try #require(seen["duckdb"] as? [String: Any])
        #expect(duck["rows"] as? Int == periods.count)
        #expect(duck["geometry_type"] as? String == "GEOMETRY")
        #expect(duck["geometries"] as? Int == periods.count - shapeless && duck["valid"] as? Int == periods.count - shapeless)
        #expect(duck["open_ended"] as? Int == 1843)
        #expect(duck["virginia_state_police"] as? [[String]] == [["2026-01-26", "2026-02-11"]])
        let floridaState = Set(periods.filter {
            $0.isOpen && $0.matched.agreement.state?.usps == "FL" && $0.matched.jurisdiction.level == .state
                && $0.matched.agreement.model?.rawValue == "task-force"
        }.map(\.matched.agreement.agencyName))
        #expect(floridaState.count >= 5)
        #expect(Set(duck["tampa_state_task_force"] as? [String] ?? []) == floridaState)
        let gpkg = try #require(seen["gpkg"] as? [String: Any])
        #expect(gpkg["rows"] as? Int == periods.count && gpkg["crs"] as? String == "EPSG:4326")
        #expect(gpkg["invalid_geometries"] as? Int == 0 && gpkg["integrity"] as? String == "ok")
    }

    @Test(.enabled(if: ExportTools.ogrinfo != nil, ExportTools.ogrinfoReason))
    func ogrinfoReadsTheGeoPackage() throws {
        let fixture = try ExportFixture.shared.get()
        let ogrinfo = try #require(ExportTools.ogrinfo)
        let gpkg = fixture.folder + "/geo287.gpkg"
        let all = try ExportTools.run(ogrinfo, ["-ro", "-q", gpkg])
        #expect(all.status == 0, "\(all.stderr)")
        for layer in ["1: jurisdiction_periods (Multi Polygon)", "2: counties (Multi Polygon)", "3: places (Multi Polygon)", "4: county_panel (None)"] {
            #expect(all.stdout.contains(layer), "\(all.stdout)")
        }
        let periods = try ExportTools.run(ogrinfo, ["-ro", "-so", gpkg, "jurisdiction_periods"])
        #expect(periods.stdout.contains("Feature Count: \(fixture.layers.periods.count)"))
        #expect(periods.stdout.contains("ID[\"EPSG\",4326]"), "\(periods.stdout)")
        #expect(!all.stderr.contains("ERROR") && !periods.stderr.contains("ERROR"), "\(all.stderr)\(periods.stderr)")
    }
}
