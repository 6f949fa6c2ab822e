import ArgumentParser
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Geometry
import Geo287Jurisdictions

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "How many people live under 287(g) jurisdictions, counted once: nationally, by state and by county.",
        discussion: """
        A statewide agreement covers its state, a county agreement its county, a municipal one its \
        place's people in each county it reaches; overlapping agreements count each person once. \
        Populations: Census Vintage 2023 county estimates; place parts from the 2020 crosswalk. \
        --method tracts uses the 2020 tract population centroids instead; --compare prints both. \
        Whose residents count is decided by named rules (prosecutors, Texas constables, corrections...): \
        --explain lists them with what each adds, --rule NAME=on|off switches one.
        CSV: one row per county. JSON: see the README.
        """)

    @OptionGroup var root: DataRootOption
    @OptionGroup var sheet: SheetOption

    @OptionGroup var selection: CoverageSelection

    @Option(help: "places (county and place populations) or tracts (tract centroids).")
    var method: CoverageMethod = .places

    @Flag(help: "Print both methods side by side, with why they differ.")
    var compare = false

    @Flag(help: "Print every counting rule: on or off, the agreements it decides and the people it adds.")
    var explain = false

    @Flag(name: .customLong("exclude-statewide"), help: "Leave out statewide (state agency) agreements.")
    var excludeStatewide = false

    @Option(help: "Output format.")
    var format: TableFormat = .table

    @Option(help: "Point-in-polygon engine for --method tracts: grid (fast index) or geos (plain GEOS, the reference).")
    var engine: PointInPolygonEngine = .grid

    @Option(name: .customLong("out"), help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    func run() throws {
        Trace.mark("start")
        let dataRoot = try root.resolve()
        let (run, participating, pending) = try selection.load(dataRoot, sheet: sheet)
        var options = CoverageOptions(model: selection.modelFilter, method: method, includePending: selection.includePending,
                                      excludeStatewide: excludeStatewide, state: selection.usps, engine: engine,
                                      rules: selection.rules)
        let result = try run.coverage(participating, pending: pending, options: options)
        Trace.mark("coverage")
        if explain {
            let effects = try CoverageExplain.effects(run: run, participating: participating, pending: pending, result: result)
            return try emitText(CoverageExplain.table(effects, result: result), to: out)
        }
        if compare {
            options.method = options.method == .places ? .tracts : .places
            let other = try run.coverage(participating, pending: pending, options: options)
            let (p, t) = options.method == .tracts ? (result, other) : (other, result)
            return try emitText(CoverageOutput.comparison(places: p, tracts: t), to: out)
        }
        switch format {
        case .csv: try emit(CoverageOutput.csv(result), to: out)
        case .json: try emit(CoverageOutput.json(result), to: out)
        case .table: try emitText(CoverageOutput.table(result), to: out)
        }
        Trace.mark("output")
    }
}
