import ArgumentParser
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Maps

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Maps of 287(g) coverage: an SVG for publishing, GeoJSON layers for other tools.",
        discussion: """
        SVG: the national county map (Albers equal-area, Alaska/Hawaii/Puerto Rico insets) or, with \
        --state, one state (in a projection fitted to it) with the cities that hold their own \
        agreements. GeoJSON (RFC 7946) or TopoJSON: --layer counties (coverage attributes; totals \
        equal `geo287 coverage`) or jurisdictions (one feature per agreement), every geometry a valid \
        MultiPolygon. --simplify is in metres and keeps shared borders shared; --preset web is \
        --simplify 4000 --precision 3 with lighter properties (national counties about \
        1.46 MB as GeoJSON, 1.1 MB as TopoJSON). Default output: \
        outputs/<model>-<sheet date>[-<state>][-local][-<layer>].<svg|geojson|topojson>.
        """)

    @OptionGroup var root: DataRootOption
    @OptionGroup var sheet: SheetOption

    @OptionGroup var selection: CoverageSelection

    @Option(help: "Output format: an SVG map, or GeoJSON or TopoJSON layers.")
    var format: Format = .svg

    @Option(name: .customLong("color-by"), help: "SVG county colours: share (of residents covered) or model (the most invasive model covering residents; use with --model all).")
    var colorBy: Shading = .share

    @Flag(name: .customLong("exclude-statewide"), help: "Leave out statewide (state agency) agreements: the map shows local agreements only.")
    var excludeStatewide = false

    @Option(help: "GeoJSON layer: counties (coverage attributes) or jurisdictions (one feature per agreement).")
    var layer: Layer = .counties

    @Option(help: "GeoJSON/TopoJSON decimals (default 6, about 0.1 m; 3 with --preset web).")
    var precision: Int?

    @Option(help: "Simplification tolerance in metres (SVG default: 2000 national, 250 for a state; GeoJSON/TopoJSON default: none, 4000 with --preset web).")
    var simplify: Double?

    @Option(help: "Layer preset: web (light national layers for newsroom tools and web pages; GeoJSON or TopoJSON).")
    var preset: Preset?

    @Option(name: .customLong("out"), help: "Output file (written atomically). Default: under outputs/.")
    var out: String?

    enum Format: String, CaseIterable, ExpressibleByArgument { case svg, geojson, topojson }
    enum Preset: String, CaseIterable, ExpressibleByArgument { case web }
    enum Layer: String, CaseIterable, ExpressibleByArgument { case counties, jurisdictions }

    func validate() throws {
        if format == .svg && layer != .counties { throw ValidationError("--layer jurisdictions is a GeoJSON layer: add --format geojson") }
        if format == .svg && preset != nil { throw ValidationError("--preset web is for layers: add --format geojson or --format topojson") }
        if let precision, !(0...12).contains(precision) { throw ValidationError("--precision must be between 0 and 12") }
        if let simplify, !(simplify >= 0 && simplify.isFinite) { throw ValidationError("--simplify must be a distance in metres, 0 or more") }
    }

    func run() throws {
        let dataRoot = try root.resolve()
        let (run, participating, pending) = try selection.load(dataRoot, sheet: sheet)
        let gazetteer = run.gazetteer, threads = selection.threads
        let usps = selection.usps
        let options = CoverageOptions(model: selection.modelFilter, includePending: selection.includePending,
                                      excludeStatewide: excludeStatewide, state: usps, rules: selection.rules)
        let result = try run.coverage(participating, pending: pending, options: options)
        Trace.mark("coverage")
        let text: String
        if let layerFormat = GeoJSONLayers.Format(rawValue: format.rawValue) {
            var o = preset == .web ? GeoJSONLayers.Options.web(format: layerFormat) : GeoJSONLayers.Options(format: layerFormat)
            if let precision { o.precision = precision }
            if let simplify { o.toleranceMetres = simplify }
            if layer == .jurisdictions {
                let agreements = MapAgreements.admitted(participating, pending: pending, options: options)
                text = try GeoJSONLayers.jurisdictions(result, agreements: agreements, gazetteer: gazetteer, options: o, threads: threads)
            } else {
                text = try GeoJSONLayers.counties(result, counties: gazetteer.counties, options: o)
            }
        } else if let usps {
            let agreements = MapAgreements.admitted(participating, pending: pending, options: options)
            text = try StateMap.svg(result, state: usps, agreements: agreements, gazetteer: gazetteer,
                                    toleranceMetres: simplify ?? StateMap.defaultToleranceMetres, threads: threads,
                                    shading: colorBy)
        } else {
            text = try NationalMap.svg(result, counties: gazetteer.counties,
                                       toleranceMetres: simplify ?? NationalMap.defaultToleranceMetres,
                                       shading: colorBy)
        }
        Trace.mark("map")
        let path = out ?? defaultPath(result)
        try AtomicFile.write(Data(text.utf8), to: path)
        StandardOutput.error("geo287: wrote \(TerminalText.escapeLine(path)) (\(text.utf8.count) bytes)\n")
    }

    func defaultPath(_ result: CoverageResult) -> String {
        var name = "outputs/\(selection.model.rawValue)-\(result.sheet.published?.description ?? "undated")"
        if let usps = selection.usps { name += "-\(usps)" }
        if selection.includePending { name += "-with-pending" }
        if excludeStatewide { name += "-local" }
        if colorBy == .model { name += "-by-model" }
        if format != .svg { name += "-\(layer.rawValue)" }
        if preset == .web { name += "-web" }
        return name + "." + format.rawValue
    }
}
