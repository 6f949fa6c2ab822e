import ArgumentParser
import Foundation
import Geo287Analysis
import Geo287Data
import Geo287Geometry
import Geo287Sheets

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "How many people live under 287(g) jurisdictions, counted once: nationally, by state and by county.",
        discussion: """
        A statewide agreement covers its state, a county agreement its county, a municipal one its \
        place's people in each county it reaches; overlapping agreements count each person once. \
        Populations: Census Vintage 2023 county estimates; place parts from the 2020 crosswalk. \
        --method tracts uses the 2020 tract population centroids instead; --compare prints both.
        CSV: one row per county. JSON: see the README.
        """)

    @OptionGroup var root: DataRootOption
    @OptionGroup var sheet: SheetOption

    @Option(help: "task-force, jail-enforcement, warrant-service or all.")
    var model: String = "task-force"

    @Option(help: "places (county and place populations) or tracts (tract centroids).")
    var method: String = "places"

    @Flag(help: "Print both methods side by side, with why they differ.")
    var compare = false

    @Option(help: "Only this state (USPS code, e.g. FL).")
    var state: String?

    @Flag(name: .customLong("include-pending"), help: "Add the pending agreements listed with the sheet.")
    var includePending = false

    @Flag(name: .customLong("exclude-statewide"), help: "Leave out statewide (state agency) agreements.")
    var excludeStatewide = false

    @Option(help: "table, csv or json.")
    var format: String = "table"

    @Option(help: "Point-in-polygon engine for --method tracts: grid (fast index) or geos (plain GEOS, the reference).")
    var engine: String = "grid"

    @Option(help: "Worker threads.")
    var threads: Int = 2

    @Option(name: .customLong("out"), help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    func validate() throws {
        guard ModelFilter(model) != nil else { throw ValidationError("--model must be task-force, jail-enforcement, warrant-service or all, not '\(model)'") }
        guard CoverageMethod(rawValue: method) != nil else { throw ValidationError("--method must be places or tracts, not '\(method)'") }
        guard ["table", "csv", "json"].contains(format) else { throw ValidationError("--format must be table, csv or json, not '\(format)'") }
        if let state, USState.usps(state.uppercased()) == nil { throw ValidationError("--state must be a USPS code such as FL, not '\(state)'") }
        guard PointInPolygonEngine(rawValue: engine) != nil else { throw ValidationError("--engine must be grid or geos, not '\(engine)'") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            Trace.mark("start")
            let dataRoot = try root.resolve()
            let inputs = try sheet.loadWithPending(dataRoot, includePending: includePending)
            Trace.mark("sheets")
            let run = CoverageRun(gazetteer: try Gazetteer.load(dataRoot), threads: threads)
            let participating = try run.matchedSheet(inputs.participating)
            let pending = try inputs.pending.map { try run.matchedSheet($0) }
            var options = CoverageOptions(model: ModelFilter(model) ?? .model(.taskForce), method: CoverageMethod(rawValue: method) ?? .places,
                                          includePending: includePending, excludeStatewide: excludeStatewide, state: state?.uppercased(),
                                          engine: PointInPolygonEngine(rawValue: engine) ?? .grid)
            let result = try run.coverage(participating, pending: pending, options: options)
            Trace.mark("coverage")
            if compare {
                options.method = options.method == .places ? .tracts : .places
                let other = try run.coverage(participating, pending: pending, options: options)
                let (p, t) = options.method == .tracts ? (result, other) : (other, result)
                return try emit(CoverageOutput.comparison(places: p, tracts: t), to: out)
            }
            switch format {
            case "csv": try emit(CoverageOutput.csv(result), to: out)
            case "json": try emit(CoverageOutput.json(result), to: out)
            default: try emit(CoverageOutput.table(result), to: out)
            }
            Trace.mark("output")
        }
    }
}
