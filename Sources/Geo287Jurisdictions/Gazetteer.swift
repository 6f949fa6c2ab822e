import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry

/// Census geography indexed for the matcher and the join: counties by state, population,
/// the place × county crosswalk, and places by state. Place attributes are read from each
/// state's zip on first use without geometry; polygons are read only for the places asked for.
public final class Gazetteer: @unchecked Sendable {
    // @unchecked: the caches below are guarded by `lock`; everything else is immutable.
    public let root: DataRoot
    public let counties: [County]
    public let countyByGEOID: [String: County]
    public let crosswalk: PlaceCountyCrosswalk
    public let population: PopulationTable
    /// Where derived tables (the Census tables, matched sheets) are kept between runs; off by default.
    public let cache: DerivedCache
    private let countiesByState: [String: [County]]
    private let lock = NSLock()
    private var placeIndex: [String: [Place]] = [:]          // attributes only, by state
    private var placeGeometry: [String: MultiPolygon] = [:]  // by place GEOID
    private var subdivisionCache: CountySubdivisions?

    public init(root: DataRoot, counties: [County], crosswalk: PlaceCountyCrosswalk, population: PopulationTable,
                cache: DerivedCache = .off) {
        self.root = root
        self.cache = cache
        self.counties = counties
        self.crosswalk = crosswalk
        self.population = population
        countyByGEOID = Dictionary(counties.map { ($0.geoid, $0) }, uniquingKeysWith: { a, _ in a })
        countiesByState = Dictionary(grouping: counties, by: \.stateFIPS)
    }

    /// Loads the county layer, population and crosswalk from the data root (or from `cache`,
    /// which later derived tables of this gazetteer use too).
    public static func load(_ root: DataRoot, cache: DerivedCache = .off) throws -> Gazetteer {
        for path in [CensusLayers.crosswalkPath, CensusLayers.populationPath, CensusLayers.countiesPath] { try root.require(path) }
        let tables = try GazetteerTables.load(root, cache: cache)
        let (counties, population) = (tables.counties, tables.population)
        // Every county of a state (territories have no estimates) must have its people: a
        // missing row would silently count as nobody.
        if let c = counties.filter({ $0.stateFIPS < "60" && population.counties[$0.geoid] == nil }).min(by: { $0.geoid < $1.geoid }) {
            throw DataError(root.path(CensusLayers.populationPath),
                            "incomplete table: no row for \(c.nameWithType), \(c.stateUSPS) (\(c.geoid)) of the county layer")
        }
        let gazetteer = Gazetteer(root: root, counties: counties, crosswalk: tables.crosswalk, population: population, cache: cache)
        Trace.mark("census tables")
        return gazetteer
    }

    public func counties(inState fips: String) -> [County] { countiesByState[fips] ?? [] }

    /// County population (the vintage estimate), nil for territories.
    public func population(county geoid: String) -> Int? { population.counties[geoid]?.estimate }

    /// Counties of the county layer without a row in the population table (by GEOID): no
    /// count can give them people. On the reference data these are the territories' only.
    public var countiesWithoutPopulation: [County] {
        counties.filter { population.counties[$0.geoid] == nil }.sorted { $0.geoid < $1.geoid }
    }

    // MARK: Places

    /// The places of a state (2019 TIGER) with their attributes; geometry empty unless loaded.
    public func places(inState fips: String) throws -> [Place] {
        if let cached = locked({ placeIndex[fips] }) { return cached }
        let loaded = try CensusLayers.places(root, stateFIPS: fips, geometry: .none)
        locked { placeIndex[fips] = loaded }
        return loaded
    }

    /// Reads the place attributes of several states on up to `threads` threads.
    public func preloadPlaces(states: [String], threads: Int) throws {
        let todo = Array(Set(states)).sorted().filter { s in locked { placeIndex[s] == nil } }
        let loaded = try Parallel.map(todo, threads: threads) { try CensusLayers.places(self.root, stateFIPS: $0, geometry: .none) }
        locked { for (s, p) in zip(todo, loaded) { placeIndex[s] = p } }
    }

    /// Reads the polygons of the given places (grouped by state, one pass over each zip). A place
    /// whose polygon the compact layer does not keep is an error naming the fetch command, unless
    /// `compactMayLack` (the place then keeps an empty polygon: see `CountyJoin.counties(ofPlace:)`).
    public func loadPlaceGeometries(_ geoids: Set<String>, threads: Int, compactMayLack: Bool = false) throws {
        let missing = locked { geoids.filter { placeGeometry[$0] == nil } }
        let byState = Dictionary(grouping: missing, by: { String($0.prefix(2)) })
        let states = byState.keys.sorted()
        let results = try Parallel.map(states, threads: threads) { (state: String) throws -> [(String, MultiPolygon)] in
            let wanted = Set(byState[state] ?? [])
            let places = try self.places(inState: state).filter { wanted.contains($0.geoid) }
            let polygons = try CensusLayers.placeGeometries(self.root, stateFIPS: state, records: Set(places.map(\.recordIndex)))
            if !compactMayLack, let source = CensusLayers.placeSource(self.root, stateFIPS: state), source.layer == .compact,
               let bare = places.first(where: { polygons[$0.recordIndex]?.polygons.isEmpty ?? true }) {
                throw Self.noCompactPolygon(bare, path: self.root.path(source.path))
            }
            return places.map { ($0.geoid, polygons[$0.recordIndex] ?? MultiPolygon([])) }
        }
        locked { for (geoid, geometry) in results.joined() { placeGeometry[geoid] = geometry } }
    }

    /// The error for a place whose polygon the compact layer does not keep (a place no bundled
    /// agreement names): it says which dataset to fetch instead of going on without it.
    static func noCompactPolygon(_ place: Place, path: String) -> DataError {
        let usps = USState.fips(place.stateFIPS)?.usps ?? place.stateFIPS
        return DataError.missing(path, "no polygon for \(place.nameWithType) (\(place.geoid)): the compact place layer keeps polygons only for places named in the bundled ICE sheets; run `geo287 data fetch places --state \(usps)` for every place polygon of \(usps)")
    }

    /// A place by GEOID, with its polygon if it has been loaded.
    public func place(geoid: String) throws -> Place? {
        guard var p = try places(inState: String(geoid.prefix(2))).first(where: { $0.geoid == geoid }) else { return nil }
        if let g = locked({ placeGeometry[geoid] }) { p.geometry = g }
        return p
    }

    /// Towns and townships (names and counties only), loaded on first use.
    public func subdivisions() throws -> CountySubdivisions {
        if let s = locked({ subdivisionCache }) { return s }
        let s = try CountySubdivisions.load(root)
        Trace.mark("subdivisions")
        locked { subdivisionCache = s }
        return s
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
