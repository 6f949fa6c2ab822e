import Foundation
import Geo287Core
import Geo287Geometry
import Geo287Sheets

/// A table to export: attribute columns and, for a layer, one MultiPolygon per row (nil: the
/// row has no shape). The GeoParquet and GeoPackage writers both take it, so the two formats
/// hold the same rows and columns.
public struct ExportTable: Sendable {
    public let name: String
    public let columns: [ParquetColumn]
    public let geometry: [MultiPolygon?]?

    public init(name: String, columns: [ParquetColumn], geometry: [MultiPolygon?]? = nil) {
        self.name = name
        self.columns = columns
        self.geometry = geometry
    }

    public var rows: Int { columns.first?.values.count ?? geometry?.count ?? 0 }

    /// The box of every shape (empty without shapes).
    public var bounds: BoundingBox {
        (geometry ?? []).reduce(BoundingBox.empty) { box, g in g.map { box.union($0.bounds) } ?? box }
    }

    /// GeoParquet 1.1 (a `geometry` WKB column and the `geo` key) for a layer, plain Parquet otherwise.
    public func parquet(rowGroupRows: Int) throws -> Data {
        guard let geometry else {
            return try ParquetWriter(columns: columns, rowGroupRows: rowGroupRows).data(name: "\(name).parquet")
        }
        let wkb = ParquetColumn("geometry", .binary(geometry.map { $0.map(WKB.multiPolygon) }), nullable: true)
        let geo = GeoParquetMetadata.json(column: "geometry", bounds: bounds)
        return try ParquetWriter(columns: columns + [wkb], rowGroupRows: rowGroupRows, metadata: [("geo", geo)])
            .data(name: "\(name).parquet")
    }

    /// The table as CSV (RFC 4180, formula-safe), dates as YYYY-MM-DD, booleans `true`/`false`, nulls empty.
    public func csv() -> Data {
        var out = Data(CSVWriter.line(columns.map(\.name)).utf8)
        for i in 0..<rows { out.append(contentsOf: CSVWriter.line(columns.map { $0.values.text(i) ?? "" }).utf8) }
        return out
    }
}

extension ParquetColumn.Values {
    /// Row `i` as text (nil for a null): how CSV and GeoPackage's DATE columns spell it.
    func text(_ i: Int) -> String? {
        switch self {
        case let .string(v): return v[i]
        case .binary: return nil
        case let .int64(v): return v[i].map { String($0) }
        case let .date(v): return v[i].flatMap { SignedDate(daysSinceEpoch: Int($0))?.description }
        case let .double(v): return v[i].map { JSONValue.format($0, decimals: 6) }
        case let .boolean(v): return v[i].map { $0 ? "true" : "false" }
        }
    }
}
