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

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @Flag(help: "Print match rates by level and method, and every fallback or unmatched agreement.")
    var report = false

    @Option(help: "Worker threads for the spatial join.")
    var threads: Int = 2

    @Option(name: .customLong("out"), help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json, geojson }

    func validate() throws {
        try WorkerThreads.validate(threads)
    }

    func run() throws {
        let dataRoot = try root.resolve()
        Trace.mark("start")
        let path = try sheet.path(dataRoot)
        let run = try CoverageRun.forCommand(dataRoot, threads: threads)
        let sheetMatched = try run.matchedSheet(path: path, geometry: .all)
        let (loaded, matched) = (sheetMatched.sheet, sheetMatched.matched)
        Trace.mark("matched")
        if report { return try emitText(MatchOutput.report(matched), to: out) }
        switch format {
        case .table: try emitText(MatchOutput.table(matched), to: out)
        case .csv: try emit(MatchOutput.csv(matched), to: out)
        case .json: try emit(MatchOutput.json(matched, sheet: loaded), to: out)
        case .geojson: try emit(try Self.geojson(sheetMatched, gazetteer: run.gazetteer, threads: threads), to: out)
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
