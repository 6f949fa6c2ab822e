import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Jurisdictions
import Geo287Maps

/// The polygons of the export, unsimplified: counties as the county layer has them, a state as
/// the union of its counties, a place as its Census polygon (`JurisdictionShapes`, tolerance 0).
/// A shape GEOS finds invalid is repaired (`makeValid`) before it is written, so every exported
/// polygon is valid.
final class PeriodShapes {
    let gazetteer: Gazetteer
    let shapes: JurisdictionShapes
    let geos: GEOSContext
    private var cache: [String: MultiPolygon?] = [:]
    private let threads: Int

    init(gazetteer: Gazetteer, threads: Int) throws {
        self.gazetteer = gazetteer
        self.threads = threads
        shapes = try JurisdictionShapes(gazetteer: gazetteer, counties: Dictionary(gazetteer.counties.map { ($0.geoid, $0.geometry) },
                                                                                   uniquingKeysWith: { a, _ in a }), toleranceMetres: 0)
        geos = try GEOSContext()
    }

    /// The jurisdiction's polygon (nil when it has none: unmatched, or a place without a polygon).
    func shape(_ j: Jurisdiction) throws -> MultiPolygon? {
        let key = ([j.geoid ?? ""] + j.extraCountyGEOIDs).joined(separator: "+")
        if let s = cache[key] { return s }
        let s = try shapes.shape(j).flatMap { $0.polygons.isEmpty ? nil : try valid($0, name: "\(j.name) (\(key))") }
        cache[key] = s
        return s
    }

    func valid(_ m: MultiPolygon, name: String) throws -> MultiPolygon {
        let g = try geos.geometry(m)
        guard try !g.isValid else { return m }
        do {
            return try g.makeValid().multiPolygon()
        } catch {
            throw DataError("\(name)", "polygon is invalid and could not be repaired (\(g.validityReason))")
        }
    }

    /// Every county: GEOID, name, state, and its polygon.
    func countiesTable() throws -> ExportTable {
        let counties = gazetteer.counties.sorted { $0.geoid < $1.geoid }
        return ExportTable(name: PeriodsExport.files.counties, columns: [
            ParquetColumn("county_geoid", .string(counties.map(\.geoid))), ParquetColumn("county", .string(counties.map(\.nameWithType))),
            ParquetColumn("state", .string(counties.map(\.stateUSPS))), ParquetColumn("state_fips", .string(counties.map(\.stateFIPS))),
        ], geometry: try counties.map { try valid($0.geometry, name: "county \($0.geoid)") })
    }

    /// The places a point join needs, each with its `role`: the places the jurisdictions are
    /// matched to (`agreement`), the places they except (`excepted`), and every other place of
    /// the same state whose box meets one of theirs (`neighbour`): a point on the line between an
    /// agreement city and a neighbouring place belongs to the lower GEOID (the border rule), so a
    /// join must see both to answer as `lookup` does.
    func places(for jurisdictions: [Jurisdiction]) throws -> ExportTable {
        var own = Set<String>(), excepted = Set<String>()
        for j in jurisdictions {
            if let g = j.geoid, g.count == 7 { own.insert(g) }
            excepted.formUnion(j.exceptPlaceGEOIDs)
        }
        // An excepted place may have no polygon in the compact layer (Mesquite, NV): `lookup`
        // then never locates a point in it, and the export leaves it out the same way.
        let others = excepted.subtracting(own)
        try gazetteer.loadPlaceGeometries(own, threads: threads)
        try gazetteer.loadPlaceGeometries(others, threads: threads, compactMayLack: true)
        var boxes: [String: [BoundingBox]] = [:]
        for id in own.union(others).sorted() {
            if let p = try gazetteer.place(geoid: id), !p.geometry.polygons.isEmpty { boxes[String(id.prefix(2)), default: []].append(p.geometry.bounds) }
        }
        let root = gazetteer.root, stateBoxes = boxes
        let found = try Parallel.map(stateBoxes.keys.sorted(), threads: threads) { (state: String) throws -> [Place] in
            let near = stateBoxes[state] ?? []
            return try CensusLayers.places(root, stateFIPS: state, geometry: .boxes { b in near.contains { $0.intersects(b) } })
                .filter { !$0.geometry.polygons.isEmpty }
        }
        let places = found.joined().sorted { $0.geoid < $1.geoid }
        let roles = places.map { own.contains($0.geoid) ? "agreement" : excepted.contains($0.geoid) ? "excepted" : "neighbour" }
        return ExportTable(name: PeriodsExport.files.places, columns: [
            ParquetColumn("place_geoid", .string(places.map(\.geoid))), ParquetColumn("place", .string(places.map(\.nameWithType))),
            ParquetColumn("state_fips", .string(places.map(\.stateFIPS))), ParquetColumn("role", .string(roles)),
        ], geometry: try places.map { try valid($0.geometry, name: "place \($0.geoid)") })
    }
}
