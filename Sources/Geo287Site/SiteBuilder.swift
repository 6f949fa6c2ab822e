import Foundation
import Geo287Census
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Maps

/// What a site is built from: one participating sheet (and the pending sheet listed with it),
/// matched and joined, and its Task Force coverage (places method, every state).
public struct SiteInputs: Sendable {
    public let run: CoverageRun
    public let participating: MatchedSheet
    public let pending: MatchedSheet?

    public init(run: CoverageRun, participating: MatchedSheet, pending: MatchedSheet?) {
        self.run = run; self.participating = participating; self.pending = pending
    }
}

/// `geo287 site`: a static site that opens from `file://` or any static host and sends no request
/// anywhere. Layout:
///
///     index.html                 national page: search, "use my location", map, states, context
///     states/SS.html             one page per state (SS: USPS code)
///     embed/US.html, embed/SS.html  the map alone, for an <iframe>
///     assets/site.js, site.css   the page's script and style
///     text/en.js, text/es.js     every word, one file per language (`SiteText`)
///     data/site.js               agreements, states, counties, the cities with an agreement
///     data/places.js             every Census place (the search box loads it when first used)
///     data/geo-FF.js             a state's county and agreement-city polygons, loaded for a located point
///     downloads/…                GeoJSON, CSV and SVG behind each page
public enum SiteBuilder {
    public struct File: Sendable {
        public let path: String
        public let bytes: Data
    }

    public static func files(_ inputs: SiteInputs, threads: Int = 2) throws -> [File] {
        let gazetteer = inputs.run.gazetteer
        let options = CoverageOptions(model: .model(.taskForce))
        let coverage = try inputs.run.coverage(inputs.participating, pending: inputs.pending, options: options)
        Trace.mark("site coverage")
        let matched = SiteAgreements.ordered(inputs.participating.matched + (inputs.pending?.matched ?? []))
        let counties = gazetteer.counties.sorted { $0.geoid < $1.geoid }
        let stateFIPS = Array(Set(counties.map(\.stateFIPS))).sorted()
        let usStates = stateFIPS.compactMap { USState.fips($0) }
        var files: [File] = []
        func add(_ path: String, _ text: String) { files.append(File(path: path, bytes: Data(text.utf8))) }

        // Words, script, style, data.
        for (code, table) in SiteText.languages {
            add("text/\(code).js", "GEO287.text = GEO287.text || {};\nGEO287.text.\(code) = "
                + JSONValue.object(table.map { ($0.0, .string($0.1)) }).rendered() + ";\n")
        }
        add("assets/site.js", String(decoding: PackageResources.site_js, as: UTF8.self))
        add("assets/site.css", String(decoding: PackageResources.site_css, as: UTF8.self) + paletteCSS())
        // The places that hold an agreement (their polygons locate a point; their names label the map).
        let placeIDs = Set(matched.compactMap { m -> String? in
            guard let g = m.jurisdiction.geoid, g.count == 7 else { return nil }
            return g
        })
        try gazetteer.loadPlaceGeometries(placeIDs, threads: threads)
        add("data/site.js", try dataScript(inputs, coverage: coverage, matched: matched, counties: counties, placeIDs: placeIDs))
        add("data/places.js", "GEO287.places(" + (try SiteIndex.places(gazetteer, states: stateFIPS)).rendered(pretty: false) + ");\n")
        Trace.mark("site data")

        // Their polygons by state, read once; a city is outlined on its state's map when an agreement reaches its residents.
        let shaped = try placeIDs.sorted().compactMap { try gazetteer.place(geoid: $0) }.filter { !$0.geometry.polygons.isEmpty }
        let placesByState = Dictionary(grouping: shaped, by: \.stateFIPS)
        let policedPlaces = Set(matched.compactMap { m -> String? in
            if case .place(let geoid) = m.jurisdiction.reach { return geoid } else { return nil }
        })
        for fips in stateFIPS {
            add("data/geo-\(fips).js", try SitePolygons.script(stateFIPS: fips, counties: gazetteer.counties(inState: fips),
                                                                places: placesByState[fips] ?? []))
        }
        Trace.mark("site polygons")

        // Pages.
        let nationalCounties = counties.filter { MapZone(stateFIPS: $0.stateFIPS) != .islands }
        let nationalMap = try SiteMap.svg(SiteMap.Scope(counties: nationalCounties, main: .conus, toleranceMetres: 3000, national: true),
                                          coverage: coverage, places: [], label: SiteText.en("map.title"))
        let links = usStates.map { ($0.usps, $0.name) }
        let nationalDownloads = try downloads(folder: "downloads/US", inputs: inputs, coverage: coverage, state: nil, add: add)
        add("index.html", SitePage(root: "", state: nil, mapSVG: nationalMap, embed: false, downloads: nationalDownloads,
                                   countyRows: [], stateLinks: links).html())
        add("embed/US.html", SitePage(root: "../", state: nil, mapSVG: nationalMap, embed: true, downloads: [], countyRows: [],
                                      stateLinks: []).html())
        Trace.mark("site national")
        let byGEOID = Dictionary(coverage.counties.map { ($0.geoid, $0) }, uniquingKeysWith: { a, _ in a })
        for state in usStates {
            let mine = gazetteer.counties(inState: state.fips).sorted { $0.geoid < $1.geoid }
            guard !mine.isEmpty else { continue }
            let places = (placesByState[state.fips] ?? []).filter { policedPlaces.contains($0.geoid) }
            let svg = try SiteMap.svg(SiteMap.Scope(counties: mine, main: MapZone(stateFIPS: state.fips), toleranceMetres: 250, national: false),
                                      coverage: coverage, places: places,
                                      label: SiteText.en("map.title") + " — " + state.name)
            let rows = mine.map { c in
                (name: c.nameWithType, people: byGEOID[c.geoid]?.population ?? 0, local: byGEOID[c.geoid]?.coveredWithoutStatewide ?? 0)
            }
            let stateDownloads = try downloads(folder: "downloads/\(state.usps)", inputs: inputs, coverage: coverage, state: state, add: add)
            add("states/\(state.usps).html", SitePage(root: "../", state: (state.usps, state.name), mapSVG: svg, embed: false,
                                                     downloads: stateDownloads, countyRows: rows, stateLinks: []).html())
            add("embed/\(state.usps).html", SitePage(root: "../", state: (state.usps, state.name), mapSVG: svg, embed: true,
                                                    downloads: [], countyRows: [], stateLinks: []).html())
        }
        Trace.mark("site states")
        return files.sorted { $0.path < $1.path }
    }

    /// The layers and tables behind a page: counties GeoJSON (coverage attributes), the county
    /// table and the agreements as CSV, and the publishable SVG map.
    static func downloads(folder: String, inputs: SiteInputs, coverage national: CoverageResult, state: USState?,
                          add: (String, String) -> Void) throws -> [(String, String)] {
        let gazetteer = inputs.run.gazetteer
        let options = CoverageOptions(model: .model(.taskForce), state: state?.usps)
        let coverage = state == nil ? national : try inputs.run.coverage(inputs.participating, pending: inputs.pending, options: options)
        let counties = state.map { gazetteer.counties(inState: $0.fips) } ?? gazetteer.counties
        let matched = inputs.participating.matched + (inputs.pending?.matched ?? [])
        let mine = state.map { s in matched.filter { $0.agreement.state == s } } ?? matched
        // National: the web preset (≤ 1.5 MB, loads in Datawrapper and Mapshaper); a state: 100 m, 5 decimals.
        for format in GeoJSONLayers.Format.allCases {
            let options = state == nil ? GeoJSONLayers.Options.web(format: format)
                : GeoJSONLayers.Options(precision: 5, toleranceMetres: 100, format: format)
            add("\(folder)/counties.\(format.rawValue)", try GeoJSONLayers.counties(coverage, counties: counties, options: options))
        }
        add("\(folder)/counties.csv", CoverageOutput.csv(coverage))
        add("\(folder)/agreements.csv", MatchOutput.csv(mine))
        let svg: String
        if let state {
            let agreements = MapAgreements.admitted(inputs.participating, pending: inputs.pending, options: options)
            svg = try StateMap.svg(coverage, state: state.usps, agreements: agreements, gazetteer: gazetteer, threads: 1)
        } else {
            svg = try NationalMap.svg(coverage, counties: gazetteer.counties)
        }
        add("\(folder)/map.svg", svg)
        return [("downloads.geojson", "\(folder)/counties.geojson"), ("downloads.topojson", "\(folder)/counties.topojson"),
                ("downloads.csv", "\(folder)/counties.csv"),
                ("downloads.agreements", "\(folder)/agreements.csv"), ("downloads.svg", "\(folder)/map.svg")]
    }

    /// Map fills, legend swatches and model badges from the maps' palette: one colour per class
    /// and per model everywhere.
    static func paletteCSS() -> String {
        var s = "\n/* from Geo287Maps.Palette */\n"
        for step in Palette.steps {
            s += ".\(step.cssClass) { fill: \(step.colour); } .h.\(step.cssClass) { fill: url(#h-\(step.cssClass)); } "
                + ".sw.\(step.cssClass) { background: \(step.colour); }\n"
        }
        let kn = Palette.notCounted
        s += ".\(kn.cssClass) { fill: url(#d-\(kn.cssClass)); } .sw.\(kn.cssClass) { background: radial-gradient(circle, #3a3a3a 1.2px, \(kn.colour) 1.6px) 0 0 / 5px 5px; }\n"
        let badges = [("jem", Palette.modelColour(.jailEnforcement), "#fff"), ("wso", Palette.modelColour(.warrantService), "#1a1a1a"),
                      ("tfm", Palette.modelColour(.taskForce), "#fff"), ("other", "#666666", "#fff")]
        for (code, colour, text) in badges { s += ".m-\(code) { background: \(colour); color: \(text); }\n" }
        return s
    }

    static func dataScript(_ inputs: SiteInputs, coverage: CoverageResult, matched: [MatchedAgreement], counties: [County],
                           placeIDs: Set<String>) throws -> String {
        var byState: [String: [JSONValue]] = [:]
        var counts: [String: Int] = [:]
        for (i, m) in matched.enumerated() {
            guard let usps = m.agreement.state?.usps else { continue }
            byState[usps, default: []].append(.int(i))
            if m.agreement.kind == .participating { counts[usps, default: 0] += 1 }
        }
        let n = coverage.national
        let data = JSONValue.object([
            ("sheet", .object([("date", .optional(inputs.participating.sheet.published?.description)),
                               ("pending", .optional(inputs.pending?.sheet.published?.description))])),
            ("national", .object([("p", .int(n.population)), ("v", .int(n.covered)), ("w", .int(n.coveredWithoutStatewide))])),
            ("states", SiteIndex.states(coverage, counties: counties)),
            ("policy", .object(USState.all.compactMap { s in SitePolicy.stance(s.usps).map { (s.usps, .string($0)) } })),
            ("stateCounts", .object(counts.keys.sorted().map { ($0, .int(counts[$0] ?? 0)) })),
            ("byState", .object(byState.keys.sorted().map { ($0, .array(byState[$0] ?? [])) })),
            ("agreements", .array(SiteAgreements.json(matched))),
            ("counties", SiteIndex.counties(coverage, counties: counties)),
            ("agreementPlaces", try SiteIndex.agreementPlaces(inputs.run.gazetteer, geoids: placeIDs)),
        ])
        return "GEO287.data(" + data.rendered(pretty: false) + ");\n"
    }

    /// Writes the site as a whole (`AtomicFolder`): built beside `dir`, then renamed over it, so
    /// a reader never sees half a site; `dir` must be absent or a previous site.
    public static func write(_ files: [File], to dir: String) throws {
        try AtomicFolder.publish(files.map { (name: $0.path, data: $0.bytes) }, to: dir)
    }
}
