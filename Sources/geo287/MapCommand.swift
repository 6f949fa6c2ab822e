import ArgumentParser
import Foundation
import Geo287Analysis
import Geo287Data
import Geo287Maps
import Geo287Sheets

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Maps of 287(g) coverage: an SVG for publishing, GeoJSON layers for other tools.",
        discussion: """
        SVG: the national county map (Albers equal-area, Alaska/Hawaii/Puerto Rico insets) or, with \
        --state, one state with the cities that hold their own agreements. GeoJSON (RFC 7946): \
        --layer counties (coverage attributes; totals equal `geo287 coverage`) or jurisdictions \
        (one feature per agreement). --simplify is in metres and keeps shared borders shared. \
        Default output: outputs/<model>-<sheet date>[-<state>][-<layer>].<svg|geojson>.
        """)

    @OptionGroup var root: DataRootOption
    @OptionGroup var sheet: SheetOption

    @Option(help: "task-force, jail-enforcement, warrant-service or all.")
    var model: String = "task-force"

    @Option(help: "Only this state (USPS code, e.g. FL).")
    var state: String?

    @Flag(name: .customLong("include-pending"), help: "Add the pending agreements listed with the sheet.")
    var includePending = false

    @Option(help: "svg or geojson.")
    var format: String = "svg"

    @Option(help: "GeoJSON layer: counties or jurisdictions.")
    var layer: String = "counties"

    @Option(help: "GeoJSON decimals (default 6, about 0.1 m).")
    var precision: Int = 6

    @Option(help: "Simplification tolerance in metres (SVG default: 2000 national, 250 for a state; GeoJSON default: none).")
    var simplify: Double?

    @Option(help: "Worker threads.")
    var threads: Int = 2

    @Option(name: .customLong("out"), help: "Output file (written atomically). Default: under outputs/.")
    var out: String?

    func validate() throws {
        guard ModelFilter(model) != nil else { throw ValidationError("--model must be task-force, jail-enforcement, warrant-service or all, not '\(model)'") }
        guard ["svg", "geojson"].contains(format) else { throw ValidationError("--format must be svg or geojson, not '\(format)'") }
        guard ["counties", "jurisdictions"].contains(layer) else { throw ValidationError("--layer must be counties or jurisdictions, not '\(layer)'") }
        if format == "svg" && layer != "counties" { throw ValidationError("--layer jurisdictions is a GeoJSON layer: add --format geojson") }
        if let state, USState.usps(state.uppercased()) == nil { throw ValidationError("--state must be a USPS code such as FL, not '\(state)'") }
        guard (0...12).contains(precision) else { throw ValidationError("--precision must be between 0 and 12") }
        if let simplify, !(simplify >= 0 && simplify.isFinite) { throw ValidationError("--simplify must be a distance in metres, 0 or more") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            let dataRoot = try root.resolve()
            let inputs = try sheet.loadWithPending(dataRoot, includePending: includePending)
            let gazetteer = try Gazetteer.load(dataRoot)
            let run = CoverageRun(gazetteer: gazetteer, threads: threads)
            let participating = try run.matchedSheet(inputs.participating)
            let pending = try inputs.pending.map { try run.matchedSheet($0) }
            let usps = state?.uppercased()
            let options = CoverageOptions(model: ModelFilter(model) ?? .model(.taskForce), includePending: includePending, state: usps)
            let result = try run.coverage(participating, pending: pending, options: options)
            Trace.mark("coverage")
            let text: String
            if format == "geojson" {
                let o = GeoJSONLayers.Options(precision: precision, toleranceMetres: simplify ?? 0)
                if layer == "jurisdictions" {
                    let agreements = MapAgreements.admitted(participating, pending: pending, options: options)
                    text = try GeoJSONLayers.jurisdictions(result, agreements: agreements, gazetteer: gazetteer, options: o, threads: threads)
                } else {
                    text = try GeoJSONLayers.counties(result, counties: gazetteer.counties, options: o)
                }
            } else if let usps {
                let agreements = MapAgreements.admitted(participating, pending: pending, options: options)
                text = try StateMap.svg(result, state: usps, agreements: agreements, gazetteer: gazetteer,
                                        toleranceMetres: simplify ?? StateMap.defaultToleranceMetres, threads: threads)
            } else {
                text = try NationalMap.svg(result, counties: gazetteer.counties,
                                           toleranceMetres: simplify ?? NationalMap.defaultToleranceMetres)
            }
            Trace.mark("map")
            let path = out ?? defaultPath(result)
            try AtomicFile.write(Data(text.utf8), to: path)
            FileHandle.standardError.write(Data("geo287: wrote \(path) (\(text.utf8.count) bytes)\n".utf8))
        }
    }

    func defaultPath(_ result: CoverageResult) -> String {
        var name = "outputs/\(model)-\(result.sheet.published?.description ?? "undated")"
        if let state { name += "-\(state.uppercased())" }
        if includePending { name += "-with-pending" }
        if format == "geojson" { name += "-\(layer)" }
        return name + (format == "geojson" ? ".geojson" : ".svg")
    }
}
