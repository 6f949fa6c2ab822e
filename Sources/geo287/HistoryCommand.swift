import ArgumentParser
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287History
import Geo287Jurisdictions
import Geo287Maps
import Geo287Sheets

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "One row per participating sheet in date order: agreements, states, pending and people covered per model.",
        discussion: """
        Reads every sheet in --dir (default <data>/ice). Per sheet: publication date; agreements, \
        agencies and states per model (as `geo287 summary` counts them); the pending agreements of \
        the pending sheet ICE listed with it (the nearest within 2 days, else the newest before); \
        people covered per model and under any model (coverage union, places method); and the \
        change since the previous sheet (agreements and people per model; added, removed, renewed, \
        changed agreements as `geo287 diff` counts them). --format svg draws agreements and people \
        covered over time per model.
        """)

    @OptionGroup var root: DataRootOption

    @Option(help: "Folder of ICE sheets (default: <data>/ice).") var dir: String?
    @Option(help: "Agreement model; \(ModelChoice.otherSpellings).") var model: ModelChoice = .all
    @Option(help: "Output format (svg: a chart).") var format: Format = .table
    @Option(help: "Worker threads.") var threads: Int = 2
    @Flag(help: "No progress display on stderr.") var quiet = false
    @Option(name: .customLong("out"), help: "Write to this file (atomically) instead of standard output.") var out: String?

    enum Format: String, CaseIterable, ExpressibleByArgument { case table, csv, json, svg }

    func validate() throws {
        try WorkerThreads.validate(threads)
    }

    var models: [SupportModel] { model.model.map { [$0] } ?? SupportModel.allCases }

    func run() throws {
        let dataRoot = try root.resolve()
        let progress = BatchProgress(quiet: quiet)
        let cache = DerivedCache.fromEnvironment()
        let sheets = try HistorySheets.read(folder: dir ?? dataRoot.path("ice"), threads: threads, cache: cache) { progress.update("reading sheets", $0, $1) }
        let matching = HistoryMatching(run: CoverageRun(gazetteer: try Gazetteer.load(dataRoot, cache: cache), threads: threads))
        let total = sheets.participating.count
        let history = try History.build(sheets, matching: matching) { progress.update("sheets", $0.index + 1, total) }
        progress.finish()
        switch format {
        case .csv: try emit(HistoryOutput.csv(history, models: models), to: out)
        case .json: try emit(HistoryOutput.json(history, models: models).rendered() + "\n", to: out)
        case .svg: try emit(HistoryChart.svg(history, models: models), to: out)
        case .table: try emitText(HistoryOutput.table(history, models: models), to: out)
        }
    }
}
