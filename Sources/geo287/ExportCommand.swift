import ArgumentParser
import Foundation
import Geo287Core
import Geo287Export

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Layers for other engines: jurisdiction periods as GeoParquet or GeoPackage.",
        subcommands: [ExportPeriodsCommand.self])
}

extension PeriodsExport.Format: ExpressibleByArgument {}

struct ExportPeriodsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "periods",
        abstract: "Every agreement's continuous periods with its jurisdiction polygon, and a county × sheet panel.",
        discussion: """
        Reads every participating sheet of the data root (or --dir) and writes to the folder \
        (replaced as a whole; same inputs, same bytes): jurisdiction_periods (one row per agreement \
        and continuous period: stable agreement id, agency, state, model, level, counting rule, \
        valid_from, valid_to (empty while on the newest sheet), absent_from, jurisdiction polygon), \
        counties and places (the polygons a point join needs), and county_panel (sheet × county \
        coverage flags per model, also as CSV). --format geoparquet writes GeoParquet 1.1 files \
        (.parquet, WKB, CRS OGC:CRS84), gpkg one GeoPackage (geo287.gpkg) with every layer, both \
        both. Columns: docs/codebook.md; joining them on a cluster: docs/scale.md.
        """)

    @OptionGroup var root: DataRootOption

    @Option(help: "geoparquet, gpkg or both.") var format: PeriodsExport.Format = .geoparquet
    @Option(help: "Output folder (replaced as a whole). Default: outputs/export.") var out: String = "outputs/export"
    @Option(help: "Folder of ICE sheets (default: <data>/ice).") var dir: String?
    @Option(help: "Rows per Parquet row group of the polygon layers.") var rowGroupRows: Int = 512
    @Option(help: "Worker threads.") var threads: Int = 2
    @Flag(help: "No progress display on stderr.") var quiet = false

    func validate() throws {
        try WorkerThreads.validate(threads)
        guard rowGroupRows >= 1 else { throw ValidationError("--row-group-rows must be at least 1") }
    }

    func run() throws {
        let dataRoot = try root.resolve()
        let start = Date()
        let progress = BatchProgress(quiet: quiet)
        let layers = try PeriodsExport(root: dataRoot, folder: dir ?? dataRoot.path("ice"), threads: threads, rowGroupRows: rowGroupRows)
            .write(format: format, to: out, progress: progress.update)
        let open = layers.periods.filter(\.isOpen).count
        progress.finish()
        StandardOutput.error(String(format: "geo287: wrote %@/ (%d sheets, %d periods, %d open-ended on %@); %.1f s\n",
                                    TerminalText.escapeLine(out), layers.sheetDates.count, layers.periods.count, open,
                                    layers.sheetDates.last ?? "-", Date().timeIntervalSince(start)))
    }
}
