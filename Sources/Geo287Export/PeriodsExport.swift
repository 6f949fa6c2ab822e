import Foundation
import Geo287Census
import Geo287Core
import Geo287Coverage
import Geo287Geometry
import Geo287History
import Geo287Jurisdictions
import Geo287Maps

/// `geo287 export periods`: every participating sheet of the data root turned into the layers a
/// distributed engine joins records to (GeoParquet 1.1, GeoPackage or both), published as one
/// folder (`AtomicFolder`; same inputs, same bytes):
///
/// - `jurisdiction_periods`: one row per agreement and continuous period (`JurisdictionPeriods`),
///   with its jurisdiction's polygon (a state: the union of its counties; a county; a city: its
///   Census place), and the attributes `lookup` decides coverage with (`reach`, `county_geoids`,
///   `place_geoid`, `except_place_geoids`);
/// - `counties`: every county polygon (the layer `lookup` locates points in);
/// - `places`: the place polygons the periods name (their own place and excepted places);
/// - `county_panel`: sheet × county coverage flags per model (Parquet and CSV, no shapes; join
///   to `counties` on `county_geoid`).
public struct PeriodsExport {
    public enum Format: String, Sendable, CaseIterable {
        case geoparquet, gpkg, both
    }

    public static let files = (periods: "jurisdiction_periods", counties: "counties", places: "places", panel: "county_panel")

    public let root: DataRoot
    public let folder: String
    public let threads: Int
    /// Rows per Parquet row group: the unit one worker of a parallel reader takes.
    public let rowGroupRows: Int

    public init(root: DataRoot, folder: String, threads: Int = 2, rowGroupRows: Int = 512) {
        self.root = root
        self.folder = folder
        self.threads = threads
        self.rowGroupRows = rowGroupRows
    }

    public struct Layers: Sendable {
        public let periods: [JurisdictionPeriods.Period]
        public let sheetDates: [String]
        public let tables: [ExportTable]
    }

    /// Reads every sheet, matches it and builds the tables (periods, counties, places, panel).
    public func layers(progress: (_ label: String, _ done: Int, _ total: Int) -> Void = { _, _, _ in }) throws -> Layers {
        let sheets = try HistorySheets.read(folder: folder) { progress("reading sheets", $0, $1) }
        let gazetteer = try Gazetteer.load(root)
        let matching = HistoryMatching(run: CoverageRun(gazetteer: gazetteer, threads: threads))
        var periods = JurisdictionPeriods(), panel = CountySheetPanel()
        let total = sheets.participating.count
        _ = try History.build(sheets, matching: matching) { step in
            periods.add(step)
            panel.add(step)
            progress("sheets", step.index + 1, total)
        }
        let rows = periods.periods
        let shapes = try PeriodShapes(gazetteer: gazetteer, threads: threads)
        let places = try shapes.places(for: rows.map(\.matched.jurisdiction))
        return Layers(periods: rows, sheetDates: periods.sheetDates, tables: [
            try PeriodsTable.table(rows, shapes: shapes), try shapes.countiesTable(), places, panel.table,
        ])
    }

    /// The folder's files for `format`: each layer as `.parquet` (GeoParquet) and/or one
    /// `.gpkg` with every layer; the panel also as CSV.
    public func files(_ layers: Layers, format: Format) throws -> [(name: String, data: Data)] {
        var out: [(name: String, data: Data)] = []
        if format != .gpkg {
            for t in layers.tables { out.append(("\(t.name).parquet", try t.parquet(rowGroupRows: t.geometry == nil ? 65_536 : rowGroupRows))) }
        }
        if format != .geoparquet {
            out.append(("geo287.gpkg", try GeoPackageWriter.data(layers.tables, lastChange: "\(layers.sheetDates.last ?? "1970-01-01")T00:00:00.000Z")))
        }
        if let panel = layers.tables.first(where: { $0.name == Self.files.panel }) { out.append(("\(panel.name).csv", panel.csv())) }
        return out
    }

    @discardableResult
    public func write(format: Format, to out: String,
                      progress: (_ label: String, _ done: Int, _ total: Int) -> Void = { _, _, _ in }) throws -> Layers {
        let layers = try layers(progress: progress)
        try AtomicFolder.publish(try files(layers, format: format), to: out)
        return layers
    }
}
