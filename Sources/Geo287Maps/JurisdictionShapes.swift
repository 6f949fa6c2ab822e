import Geo287Geometry
import Geo287Jurisdictions

/// The territory of each agreement: a state is the union of its counties (GEOS unary union, so
/// it lines up with the county layer), a county its polygon, a city its Census place polygon;
/// "other" agencies the county or place they were matched to; nil when unmatched.
public final class JurisdictionShapes {
    private let gazetteer: Gazetteer
    private let countyShape: [String: MultiPolygon]
    private let toleranceMetres: Double
    private var stateCache: [String: MultiPolygon] = [:]
    private var placeCache: [String: MultiPolygon] = [:]
    private let geos: GEOSContext

    /// `counties` are the (already simplified) county shapes by GEOID.
    public init(gazetteer: Gazetteer, counties: [String: MultiPolygon], toleranceMetres: Double) throws {
        self.gazetteer = gazetteer
        self.countyShape = counties
        self.toleranceMetres = toleranceMetres
        geos = try GEOSContext()
    }

    /// Reads the place polygons the agreements need, in one pass per state.
    public func preload(_ agreements: [MapAgreement], threads: Int) throws {
        let ids = Set(agreements.compactMap { a -> String? in
            guard let g = a.matched.jurisdiction.geoid, g.count == 7 else { return nil }
            return g
        })
        try gazetteer.loadPlaceGeometries(ids, threads: threads)
    }

    public func shape(_ j: Jurisdiction) throws -> MultiPolygon? {
        guard j.method != .unmatched, let geoid = j.geoid else { return nil }
        var base: MultiPolygon?
        switch geoid.count {
        case 2: base = try state(geoid)
        case 5: base = countyShape[geoid]
        case 7: base = try place(geoid)
        default: base = nil
        }
        let extras = j.extraCountyGEOIDs.compactMap { countyShape[$0] }
        guard !extras.isEmpty else { return base }
        return try union(([base].compactMap { $0 } + extras).flatMap(\.polygons))
    }

    func state(_ fips: String) throws -> MultiPolygon? {
        if let s = stateCache[fips] { return s }
        let parts = gazetteer.counties(inState: fips).compactMap { countyShape[$0.geoid] }.flatMap(\.polygons)
        guard !parts.isEmpty else { return nil }
        let s = try union(parts)
        stateCache[fips] = s
        return s
    }

    func place(_ geoid: String) throws -> MultiPolygon? {
        if let p = placeCache[geoid] { return p }
        guard let place = try gazetteer.place(geoid: geoid), !place.geometry.polygons.isEmpty else { return nil }
        let p = try GeometryError.attributed(to: place.source) {
            try TopologySimplifier.simplifyAlone(place.geometry, zone: MapZone(stateFIPS: place.stateFIPS),
                                                 toleranceMetres: toleranceMetres)
        }
        placeCache[geoid] = p
        return p
    }

    private func union(_ polygons: [Polygon]) throws -> MultiPolygon {
        let g = try geos.geometry(MultiPolygon(polygons))
        do {
            return try g.unaryUnion().multiPolygon()
        } catch {
            return try g.makeValid().unaryUnion().multiPolygon()
        }
    }
}
