import Geo287Census
import Geo287Core
import Geo287Coverage
import Geo287Geometry
import Geo287Jurisdictions

/// The two map layers, as GeoJSON (RFC 7946 FeatureCollections, one feature per line) or
/// TopoJSON. Coordinates are the Census NAD83 longitudes/latitudes written as WGS84: the datums
/// differ by under two metres in the states, far below the 1:5M boundaries' own accuracy. Every
/// polygon is valid on the output grid (`ValidLayer`) and every geometry a MultiPolygon.
public enum GeoJSONLayers {
    public enum Format: String, Sendable, CaseIterable { case geojson, topojson }

    public struct Options: Sendable {
        public var precision: Int
        public var toleranceMetres: Double
        public var format: Format
        /// The web preset's lighter county properties: fips, name, state, population, covered,
        /// covered_without_statewide, share (4 decimals), statewide and the local agencies
        /// (statewide ones named once, in the layer's `geo287` member).
        public var lean: Bool
        public init(precision: Int = 6, toleranceMetres: Double = 0, format: Format = .geojson, lean: Bool = false) {
            self.precision = precision; self.toleranceMetres = toleranceMetres
            self.format = format; self.lean = lean
        }

        /// `--preset web`: national counties for newsroom tools and web pages (Datawrapper,
        /// Mapshaper, QGIS, geopandas, d3): 4 km along shared arcs (under a pixel on a national
        /// map 1,000 px wide), 3 decimals (about 100 m), lean properties and no GeoJSON `id`
        /// (the `fips` property is the key). About 1.46 MB as GeoJSON, 1.1 MB as TopoJSON.
        public static let webToleranceMetres = 4000.0
        public static func web(format: Format) -> Options {
            Options(precision: 3, toleranceMetres: webToleranceMetres, format: format, lean: true)
        }
    }

    /// Counties with coverage attributes; their population and covered totals are the
    /// coverage result's.
    public static func counties(_ result: CoverageResult, counties all: [County], options: Options) throws -> String {
        let list = result.counties.sorted { $0.geoid < $1.geoid }
        let byGEOID = Dictionary(all.map { ($0.geoid, $0) }, uniquingKeysWith: { a, _ in a })
        let shaped = list.compactMap { byGEOID[$0.geoid] }
        let layer = try ValidLayer(shaped.map(\.geometry), zones: shaped.map { MapZone(stateFIPS: $0.stateFIPS) },
                                   names: shaped.map { "county \($0.geoid) (\($0.nameWithType), \($0.stateUSPS))" },
                                   toleranceMetres: options.toleranceMetres, precision: options.precision)
        var index: [String: Int] = [:]
        for (i, c) in shaped.enumerated() { index[c.geoid] = i }
        let statewide = Set(list.flatMap { $0.agreements.filter { $0.level == .state }.map(\.agency) })
        var extra: [(String, JSONValue)] = []
        if options.lean {
            extra.append(("statewide_agencies", .string(statewide.sorted().joined(separator: "; "))))
        }
        let props = list.map { options.lean ? leanProperties($0) : countyProperties($0) }
        let about = metadata(result, extra: extra)
        switch options.format {
        case .topojson:
            let features = zip(list, props).map { c, p in
                TopoJSONWriter.Feature(id: c.geoid, properties: p, arcs: index[c.geoid].map { layer.features[$0] } ?? [])
            }
            return TopoJSONWriter.topology(name: "counties", about: about, grid: layer.grid, arcs: layer.arcs, features: features)
        case .geojson:
            var writer = GeoJSONGeometryWriter(precision: options.precision)
            let features = zip(list, props).map { c, p in
                feature(id: options.lean ? nil : c.geoid, properties: p,
                        geometry: index[c.geoid].map { writer.geometry(grid: layer.shapes[$0]) } ?? "null")
            }
            return collection(name: "counties", about: about, writer: writer, features: features)
        }
    }

    static func countyProperties(_ c: CountyCoverage) -> JSONValue {
        JSONValue.object([
            ("fips", .string(c.geoid)), ("name", .string(c.name)), ("state", .string(c.stateUSPS)),
            ("population", .int(c.population)), ("covered", .int(c.covered)),
            ("covered_without_statewide", .int(c.coveredWithoutStatewide)), ("share", .number(c.share)),
            ("statewide", .bool(c.statewide)),
            ("models", .string(c.models.map(\.rawValue).joined(separator: ";"))),
            ("agreement_count", .int(c.agreements.count)),
            ("uncounted_agreements", .int(c.agreements.filter { !$0.counted }.count)),
            ("agencies", .string(agencies(c.agreements))),
        ])
    }

    static func leanProperties(_ c: CountyCoverage) -> JSONValue {
        JSONValue.object([
            ("fips", .string(c.geoid)), ("name", .string(c.name)), ("state", .string(c.stateUSPS)),
            ("population", .int(c.population)), ("covered", .int(c.covered)),
            ("covered_without_statewide", .int(c.coveredWithoutStatewide)),
            ("share", .number((c.share * 10_000).rounded() / 10_000)), ("statewide", .bool(c.statewide)),
            ("agencies", .string(agencies(c.agreements.filter { $0.level != .state }))),
        ])
    }

    static func agencies(_ list: [CoveringAgreement]) -> String {
        Array(Set(list.map(\.agency))).sorted().joined(separator: "; ")
    }

    /// One feature per agreement counted by the run (see `MapAgreements.admitted`).
    public static func jurisdictions(_ result: CoverageResult, agreements: [MapAgreement], gazetteer: Gazetteer,
                                     options: Options, threads: Int) throws -> String {
        let states = Set(agreements.compactMap { $0.matched.agreement.state?.fips })
        let needed = gazetteer.counties.filter { states.contains($0.stateFIPS) }
        let layer = try ValidLayer(needed.map(\.geometry), zones: needed.map { MapZone(stateFIPS: $0.stateFIPS) },
                                   names: needed.map { "county \($0.geoid) (\($0.nameWithType), \($0.stateUSPS))" },
                                   toleranceMetres: options.toleranceMetres, precision: options.precision)
        var simplified: [String: MultiPolygon] = [:], full: [String: MultiPolygon] = [:]
        for (i, c) in needed.enumerated() {
            simplified[c.geoid] = layer.grid.multiPolygon(layer.shapes[i])
            full[c.geoid] = c.geometry
        }
        let territory = try JurisdictionShapes(gazetteer: gazetteer, counties: simplified, toleranceMetres: options.toleranceMetres)
        try territory.preload(agreements, threads: threads)
        var unsimplified: JurisdictionShapes?
        let geos = try GEOSContext()
        var arcs: [[GridPoint]] = [], shapes: [[[[GridPoint]]]] = []
        var props: [JSONValue] = []
        for a in agreements {
            let ag = a.matched.agreement, j = a.matched.jurisdiction
            props.append(JSONValue.object([
                ("agency", .string(ag.agencyName)), ("state", .string(ag.stateKey)),
                ("model", .optional(ag.model?.rawValue)), ("signed", .optional(ag.signed?.description)),
                ("level", .string(j.level.rawValue)), ("jurisdiction", .string(j.name)), ("geoid", .optional(j.geoid)),
                ("match_method", .string(j.method.rawValue)), ("counted", .bool(j.countsAsResidentCoverage)),
                ("pending", .bool(a.pending)), ("moa_url", .optional(ag.moaURL)), ("sheet_row", .int(ag.row)),
            ]))
            guard let shape = try territory.shape(j) else { shapes.append([]); continue }
            shapes.append(try ValidLayer.single(shape, fallback: {
                let whole = try unsimplified ?? JurisdictionShapes(gazetteer: gazetteer, counties: full, toleranceMetres: 0)
                unsimplified = whole
                return try whole.shape(j) ?? shape
            }, grid: layer.grid, name: "sheet row \(ag.row) (\(ag.agencyName))", geos: geos))
        }
        let about = metadata(result, extra: [])
        switch options.format {
        case .topojson:
            let features = zip(props, shapes).map { p, s in
                TopoJSONWriter.Feature(id: nil, properties: p, arcs: TopoJSONWriter.ownArcs(s, into: &arcs))
            }
            return TopoJSONWriter.topology(name: "jurisdictions", about: about, grid: layer.grid, arcs: arcs, features: features)
        case .geojson:
            var writer = GeoJSONGeometryWriter(precision: options.precision)
            let features = zip(props, shapes).map { p, s in feature(id: nil, properties: p, geometry: writer.geometry(grid: s)) }
            return collection(name: "jurisdictions", about: about, writer: writer, features: features)
        }
    }

    static func feature(id: String?, properties: JSONValue, geometry: String) -> String {
        var s = "{\"type\":\"Feature\","
        if let id { s += "\"id\":"; JSONValue.quote(id, into: &s); s += "," }
        return s + "\"properties\":" + properties.rendered(pretty: false) + ",\"geometry\":" + geometry + "}"
    }

    /// The layer's `geo287` member: sheet, options, population vintage and national totals.
    static func metadata(_ result: CoverageResult, extra: [(String, JSONValue)]) -> JSONValue {
        let n = result.national
        return JSONValue.object([
            ("sheet", .string(result.sheet.fileName)), ("published", .optional(result.sheet.published?.description)),
            ("pending_sheet", .optional(result.pendingSheet?.fileName)),
            ("model", .string(result.options.model.description)), ("state", .optional(result.options.state)),
            ("statewide_left_out", .bool(result.options.excludeStatewide)),
            ("population_vintage", .string(result.populationVintage)),
            ("population", .int(n.population)), ("covered", .int(n.covered)),
            ("covered_without_statewide", .int(n.coveredWithoutStatewide)), ("agreements", .int(n.agreements)),
            ("coordinates", .string("NAD83 longitude/latitude (EPSG:4269) written as WGS84 (RFC 7946); they differ by under 2 m")),
        ] + extra)
    }

    static func collection(name: String, about: JSONValue, writer: GeoJSONGeometryWriter, features: [String]) -> String {
        var s = "{\"type\":\"FeatureCollection\",\"name\":\"\(name)\",\"geo287\":\(about.rendered(pretty: false)),\"bbox\":\(writer.bboxJSON()),\"features\":[\n"
        s += features.joined(separator: ",\n")
        return s + "\n]}\n"
    }
}
