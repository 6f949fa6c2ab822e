import ArgumentParser
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Maps
import Geo287Sheets

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Resolve every agreement of a sheet to its jurisdiction and counties.",
        discussion: """
        One row per agreement: level (state, county, municipal, other), jurisdiction GEOID and \
        name, method (exact, normalized, name-derived, fuzzy, override, fallback-county, \
        unmatched), confidence, reason, and the counties it reaches with the share of the \
        jurisdiction in each. --report prints match rates and every fallback or unmatched row.
        """)

    @OptionGroup var root: DataRootOption
    @OptionGroup var sheet: SheetOption

    @Option(help: "Output format: table, csv, json or geojson.")
    var format: OutputFormat = .table

    @Flag(help: "Print match rates by level and method, and every fallback or unmatched agreement.")
    var report = false

    @Option(help: "Worker threads for the spatial join.")
    var threads: Int = 2

    @Option(name: .customLong("out"), help: "Write to this file instead of standard output.")
    var out: String?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json, geojson }

    func run() throws {
        try runReportingErrors {
            let dataRoot = try root.resolve()
            Trace.mark("start")
            let loaded = try sheet.load(dataRoot)
            Trace.mark("sheet")
            let gazetteer = try Gazetteer.load(dataRoot)
            Trace.mark("gazetteer")
            let resolved = try JurisdictionMatcher(gazetteer: gazetteer).match(loaded.agreements)
            Trace.mark("match")
            let matched = try CountyJoin(gazetteer: gazetteer).join(resolved, threads: threads)
            Trace.mark("join")
            if report { return try emit(MatchOutput.report(matched), to: out) }
            switch format {
            case .table: try emit(MatchOutput.table(matched), to: out)
            case .csv: try emit(MatchOutput.csv(matched), to: out)
            case .json: try emit(MatchOutput.json(matched, sheet: loaded), to: out)
            case .geojson: try emit(try Self.geojson(MatchedSheet(sheet: loaded, matched: matched), gazetteer: gazetteer,
                                                 threads: threads), to: out)
            }
        }
    }
}

extension MatchCommand {
    /// One feature per agreement (every model) with its jurisdiction's geometry: the
    /// jurisdictions layer of `geo287 map --format geojson --layer jurisdictions --model all`.
    static func geojson(_ matched: MatchedSheet, gazetteer: Gazetteer, threads: Int) throws -> String {
        let run = CoverageRun(gazetteer: gazetteer, threads: threads)
        let options = CoverageOptions(model: .all)
        let result = try run.coverage(matched, pending: nil, options: options)
        let agreements = MapAgreements.admitted(matched, pending: nil, options: options)
        return try GeoJSONLayers.jurisdictions(result, agreements: agreements, gazetteer: gazetteer,
                                               options: GeoJSONLayers.Options(), threads: threads)
    }
}

/// `--sheet FILE` or `--as-of DATE`: the sheet a command works on (default: the newest
/// participating sheet in the data root).
struct SheetOption: ParsableArguments {
    @Option(name: .customLong("sheet"), help: "ICE sheet (.xlsx or .csv). Default: the newest participating sheet in <data>/ice.")
    var sheet: String?

    @Option(name: .customLong("as-of"), help: "Use the participating sheet current on this date (YYYY-MM-DD).")
    var asOf: String?

    func validate() throws {
        if sheet != nil && asOf != nil { throw ValidationError("give --sheet or --as-of, not both") }
        if let asOf, SignedDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD, not '\(asOf)'") }
    }

    func path(_ root: DataRoot) throws -> String {
        if let sheet {
            // A bare file name is looked up in <data>/ice when it is not a path that exists.
            if !FileManager.default.fileExists(atPath: sheet), !sheet.contains("/"), root.exists("ice/\(sheet)") {
                return root.path("ice/\(sheet)")
            }
            return sheet
        }
        let catalog = try SheetCatalog(root: root)
        let date = asOf.flatMap { SignedDate(iso: $0) }
        let entry = try catalog.participating(asOf: date)
        for note in SheetFreshness.notes(catalog: catalog, asOf: date, today: SheetFreshness.today()) { warn(note) }
        return entry.path
    }

    func load(_ root: DataRoot) throws -> Sheet { try SheetReader.read(path: try path(root)) }

    /// The participating sheet and, when asked, the pending sheet ICE listed with it
    /// (`PendingPairing`: the same rule as history and batch).
    func loadWithPending(_ root: DataRoot, includePending: Bool) throws -> (participating: Sheet, pending: Sheet?) {
        let participating = try load(root)
        guard includePending else { return (participating, nil) }
        guard let pending = try SheetCatalog(root: root).pendingSheet(for: participating) else {
            throw DataError(participating.path, "no pending sheet in <data>/ice listed with this sheet (ICE published none before March 2025)")
        }
        if let note = SheetFreshness.pendingNote(participating: participating.published, pendingPath: pending.path,
                                                 pending: pending.published) { warn(note) }
        return (participating, pending)
    }
}
