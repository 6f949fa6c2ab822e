import CSQLite
import Foundation
import Geo287Core
import Geo287Geometry

/// Writes `ExportTable`s as a GeoPackage 1.3 (an SQLite database, OGC 12-128r18): the
/// `gpkg_spatial_ref_sys` table with the required −1 and 0 entries and EPSG:4326, `gpkg_contents`,
/// `gpkg_geometry_columns`, and one feature table per layer (`fid`, the attributes, `geom`) or
/// attribute table per table without shapes. Geometry blobs are the GeoPackage header (`GP`,
/// version 0, flags: little-endian with an xy envelope, SRS id, minx maxx miny maxy) and WKB.
/// Coordinates are the same as the GeoParquet's (see `GeoParquetMetadata` for the datum).
/// `last_change` is the newest sheet's date, not the clock, so the bytes are deterministic.
public enum GeoPackageWriter {
    static let wgs84WKT = """
        GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],\
        AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],\
        UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]
        """

    /// The database's bytes (built in a temporary file beside nothing else, then read back).
    public static func data(_ tables: [ExportTable], lastChange: String) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-gpkg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.gpkg").path
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let db else {
            throw DataError.io(path, "cannot create the GeoPackage (SQLite)")
        }
        var open = true
        defer { if open { sqlite3_close(db) } }
        let sql = SQLite(db: db, path: path)
        try sql.exec("PRAGMA application_id = 1196444487; PRAGMA user_version = 10300; PRAGMA journal_mode = OFF; BEGIN")
        try sql.exec("""
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
              srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """)
        try sql.run("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
                    [.text(wgs84WKT)])
        for t in tables { try write(t, sql: sql, lastChange: lastChange) }
        try sql.exec("COMMIT")
        sqlite3_close(db)
        open = false
        guard let bytes = FileManager.default.contents(atPath: path) else { throw DataError.io(path, "cannot read the GeoPackage back") }
        return bytes
    }

    static func write(_ t: ExportTable, sql: SQLite, lastChange: String) throws {
        let quoted = "\"\(t.name)\""
        var defs = ["fid INTEGER PRIMARY KEY"]
        defs += t.columns.map { "\"\($0.name)\" \(sqlType($0.values))\($0.nullable ? "" : " NOT NULL")" }
        if t.geometry != nil { defs.append("geom MULTIPOLYGON") }
        try sql.exec("CREATE TABLE \(quoted) (\(defs.joined(separator: ", ")))")
        let b = t.bounds
        let box: [SQLite.Value] = t.geometry == nil || b.isEmpty ? [.null, .null, .null, .null]
            : [.real(b.minX), .real(b.minY), .real(b.maxX), .real(b.maxY)]
        try sql.run("INSERT INTO gpkg_contents VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?)",
                    [.text(t.name), .text(t.geometry == nil ? "attributes" : "features"), .text(t.name), .text(lastChange)]
                        + box + [t.geometry == nil ? .null : .int(4326)])
        if t.geometry != nil {
            try sql.run("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'MULTIPOLYGON', 4326, 0, 0)", [.text(t.name)])
        }
        let names = t.columns.map { "\"\($0.name)\"" } + (t.geometry == nil ? [] : ["geom"])
        let insert = try sql.prepare("INSERT INTO \(quoted) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))")
        defer { sqlite3_finalize(insert) }
        for i in 0..<t.rows {
            var values = t.columns.map { value($0.values, i) }
            if let g = t.geometry { values.append(g[i].map { .blob(blob($0)) } ?? .null) }
            try sql.step(insert, values)
        }
    }

    static func sqlType(_ v: ParquetColumn.Values) -> String {
        switch v {
        case .string: "TEXT"
        case .binary: "BLOB"
        case .int64: "INTEGER"
        case .date: "DATE"
        case .double: "REAL"
        case .boolean: "BOOLEAN"
        }
    }

    static func value(_ v: ParquetColumn.Values, _ i: Int) -> SQLite.Value {
        switch v {
        case let .int64(x): return x[i].map { .int($0) } ?? .null
        case let .double(x): return x[i].map { .real($0) } ?? .null
        case let .boolean(x): return x[i].map { .int($0 ? 1 : 0) } ?? .null
        case let .binary(x): return x[i].map { .blob($0) } ?? .null
        case .string, .date: return v.text(i).map { .text($0) } ?? .null
        }
    }

    /// GeoPackage binary: header (with the xy envelope) then WKB.
    static func blob(_ m: MultiPolygon) -> [UInt8] {
        var out: [UInt8] = [0x47, 0x50, 0, 0b0000_0011]
        ParquetPage.littleEndian(UInt32(4326), into: &out)
        let b = m.bounds
        for v in [b.minX, b.maxX, b.minY, b.maxY] { ParquetPage.littleEndian(v.bitPattern, into: &out) }
        return out + WKB.multiPolygon(m)
    }
}
