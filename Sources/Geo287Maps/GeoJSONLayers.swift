import Geo287Census
import Geo287Core
import Geo287Coverage
import Geo287Geometry
import Geo287Jurisdictions

/// The two GeoJSON layers (RFC 7946 FeatureCollections, one feature per line). Coordinates are
/// the Census NAD83 longitudes/latitudes written as WGS84: the datums differ by under two
/// metres in the states, far below the 1:5M boundaries' own accuracy.
public enum GeoJSONLayers {
    public struct Options: Sendable {
        public var precision: Int
        public var toleranceMetres: Double
        public init(precision: Int = 6, toleranceMetres: Double = 0) {
            self.precision = precision; self.toleranceMetres = toleranceMetres
        }
    }

    /// Counties with coverage attributes; their population and covered totals are the
    /// coverage result's.
    public static func counties(_ result: CoverageResult, counties all: [County], options: Options) throws -> String {
        let (shapes, list) = try simplifiedCounties(result, counties: all, options: options)
        var writer = GeoJSONGeometryWriter(precision: options.precision)
        var features: [String] = []
        features.reserveCapacity(list.count)
        for c in list {
            let props = JSONValue.object([
                ("fips", .string(c.geoid)), ("name", .string(c.name)), ("state", .string(c.stateUSPS)),
                ("population", .int(c.population)), ("covered", .int(c.covered)), ("share", .number(c.share)),
                ("statewide", .bool(c.statewide)),
                ("models", .string(c.models.map(\.rawValue).joined(separator: ";"))),
                ("agreement_count", .int(c.agreements.count)),
                ("agencies", .string(Array(Set(c.agreements.map(\.agency))).sorted().joined(separator: "; "))),
            ])
            let geometry = shapes[c.geoid].map { writer.geometry($0) } ?? "null"
            features.append(feature(id: c.geoid, properties: props, geometry: geometry))
        }
        return collection(name: "counties", result: result, writer: writer, features: features)
    }

    /// One feature per agreement counted by the run (see `MapAgreements.admitted`).
    public static func jurisdictions(_ result: CoverageResult, agreements: [MapAgreement], gazetteer: Gazetteer,
                                     options: Options, threads: Int) throws -> String {
        let states = Set(agreements.compactMap { $0.matched.agreement.state?.fips })
        let needed = gazetteer.counties.filter { states.contains($0.stateFIPS) }
        let shapes = try TopologySimplifier.simplify(needed.map(\.geometry), zones: needed.map { MapZone(stateFIPS: $0.stateFIPS) },
                                                     toleranceMetres: options.toleranceMetres)
        var byGEOID: [String: MultiPolygon] = [:]
        for (c, s) in zip(needed, shapes) { byGEOID[c.geoid] = s }
        let territory = try JurisdictionShapes(gazetteer: gazetteer, counties: byGEOID, toleranceMetres: options.toleranceMetres)
        try territory.preload(agreements, threads: threads)
        var writer = GeoJSONGeometryWriter(precision: options.precision)
        var features: [String] = []
        for a in agreements {
            let ag = a.matched.agreement, j = a.matched.jurisdiction
            let props = JSONValue.object([
                ("agency", .string(ag.agencyName)), ("state", .string(ag.stateKey)),
                ("model", .optional(ag.model?.rawValue)), ("signed", .optional(ag.signed?.description)),
                ("level", .string(j.level.rawValue)), ("jurisdiction", .string(j.name)), ("geoid", .optional(j.geoid)),
                ("match_method", .string(j.method.rawValue)), ("counted", .bool(j.countsAsResidentCoverage)),
                ("pending", .bool(a.pending)), ("moa_url", .optional(ag.moaURL)), ("sheet_row", .int(ag.row)),
            ])
            let geometry = try territory.shape(j).map { writer.geometry($0) } ?? "null"
            features.append(feature(id: nil, properties: props, geometry: geometry))
        }
        return collection(name: "jurisdictions", result: result, writer: writer, features: features)
    }

    /// The counties of the result (sorted by GEOID) and their shapes, simplified along shared arcs.
    static func simplifiedCounties(_ result: CoverageResult, counties all: [County],
                                   options: Options) throws -> ([String: MultiPolygon], [CountyCoverage]) {
        let list = result.counties.sorted { $0.geoid < $1.geoid }
        let wanted = Set(list.map(\.geoid))
        let counties = all.filter { wanted.contains($0.geoid) }
        let shapes = try TopologySimplifier.simplify(counties.map(\.geometry), zones: counties.map { MapZone(stateFIPS: $0.stateFIPS) },
                                                     toleranceMetres: options.toleranceMetres)
        var byGEOID: [String: MultiPolygon] = [:]
        for (c, s) in zip(counties, shapes) { byGEOID[c.geoid] = s }
        return (byGEOID, list)
    }

    static func feature(id: String?, properties: JSONValue, geometry: String) -> String {
        var s = "{\"type\":\"Feature\","
        if let id { s += "\"id\":"; JSONValue.quote(id, into: &s); s += "," }
        return s + "\"properties\":" + properties.rendered(pretty: false) + ",\"geometry\":" + geometry + "}"
    }

    static func collection(name: String, result: CoverageResult, writer: GeoJSONGeometryWriter, features: [String]) -> String {
        let n = result.national
        let about = JSONValue.object([
            ("sheet", .string(result.sheet.fileName)), ("published", .optional(result.sheet.published?.description)),
            ("pending_sheet", .optional(result.pendingSheet?.fileName)),
            ("model", .string(result.options.model.description)), ("state", .optional(result.options.state)),
            ("population_vintage", .string(result.populationVintage)),
            ("population", .int(n.population)), ("covered", .int(n.covered)), ("agreements", .int(n.agreements)),
            ("coordinates", .string("NAD83 longitude/latitude (EPSG:4269) written as WGS84 (RFC 7946); they differ by under 2 m")),
        ]).rendered(pretty: false)
        var s = "{\"type\":\"FeatureCollection\",\"name\":\"\(name)\",\"geo287\":\(about),\"bbox\":\(writer.bboxJSON()),\"features\":[\n"
        s += features.joined(separator: ",\n")
        return s + "\n]}\n"
    }
}
