import Foundation
import Geo287Core
import Geo287Geometry

/// The `geo` key of a GeoParquet 1.1 file: one WKB geometry column (the primary one), its
/// geometry types, CRS (PROJJSON) and bounding box.
///
/// The CRS written is OGC:CRS84 (WGS 84, longitude then latitude), GeoParquet's default, which
/// every reader assumes when the key is absent; it is written out anyway, so no reader guesses.
/// The Census polygons are NAD83 (EPSG:4269). Their coordinates are written unchanged: PROJ's
/// transformation from NAD83 to WGS 84 without local grids is EPSG:1188, a null transformation
/// (zero shifts, stated accuracy 4 m), so the numbers are the WGS 84 numbers PROJ would give; and
/// `geo287 lookup` compares GPS (WGS 84) points with these same numbers, so a join on the
/// exported layer answers exactly as `lookup --points` does. Below about 4 m the two datums
/// differ; no answer of geo287 claims that precision (the county layer is 1:5,000,000).
public enum GeoParquetMetadata {
    /// OGC:CRS84 as PROJJSON (PROJ's definition, without the datum ensemble's member list).
    public static let crs84: JSONValue = .object([
        ("$schema", .string("https://proj.org/schemas/v0.7/projjson.schema.json")),
        ("type", .string("GeographicCRS")),
        ("name", .string("WGS 84 (CRS84)")),
        ("datum", .object([
            ("type", .string("GeodeticReferenceFrame")),
            ("name", .string("World Geodetic System 1984")),
            ("ellipsoid", .object([
                ("name", .string("WGS 84")), ("semi_major_axis", .int(6_378_137)),
                ("inverse_flattening", .double(298.257223563, decimals: 9)),
            ])),
        ])),
        ("coordinate_system", .object([
            ("subtype", .string("ellipsoidal")),
            ("axis", .array([
                .object([("name", .string("Geodetic longitude")), ("abbreviation", .string("Lon")),
                         ("direction", .string("east")), ("unit", .string("degree"))]),
                .object([("name", .string("Geodetic latitude")), ("abbreviation", .string("Lat")),
                         ("direction", .string("north")), ("unit", .string("degree"))]),
            ])),
        ])),
        ("id", .object([("authority", .string("OGC")), ("code", .string("CRS84"))])),
    ])

    /// The `geo` value for a MultiPolygon column `column` whose shapes span `bounds`; the box
    /// is rounded outwards to 1e-7 degrees (about 1 cm), so it still contains every shape.
    public static func json(column: String, bounds: BoundingBox) -> String {
        func down(_ v: Double) -> JSONValue { .double((v * 1e7).rounded(.down) / 1e7, decimals: 7) }
        func up(_ v: Double) -> JSONValue { .double((v * 1e7).rounded(.up) / 1e7, decimals: 7) }
        var columnMeta: [(String, JSONValue)] = [
            ("encoding", .string("WKB")),
            ("geometry_types", .array([.string("MultiPolygon")])),
            ("crs", crs84),
            ("edges", .string("planar")),
        ]
        if !bounds.isEmpty {
            columnMeta.append(("bbox", .array([down(bounds.minX), down(bounds.minY), up(bounds.maxX), up(bounds.maxY)])))
        }
        return JSONValue.object([
            ("version", .string("1.1.0")),
            ("primary_column", .string(column)),
            ("columns", .object([(column, .object(columnMeta))])),
        ]).rendered(pretty: false)
    }
}
