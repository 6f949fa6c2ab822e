import Foundation
import Geo287Core
import Geo287Geometry

/// The spatial join from jurisdictions to counties, through GEOS: each state's counties sit
/// in an STRtree; a place polygon finds its candidate counties there, prepared geometries
/// say which it really intersects, and intersection areas in EPSG:5070 give area shares.
/// Population shares come from the place × county crosswalk where the place is in it.
public struct CountyJoin: Sendable {
    public let gazetteer: Gazetteer
    /// Area shares below this are slivers from the different resolutions of the place and
    /// county layers; they are dropped and the rest renormalized.
    public static let sliverShare = 0.001

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// The counties each place intersects, with the share of the place's area in each.
    public struct PlaceOverlay: Sendable, Equatable {
        public let placeGEOID: String
        public let areaShares: [String: Double]
    }

    /// Which places go through the GEOS overlay.
    public enum Geometry: Sendable {
        /// Every place: its counties are found in the STRtree and checked with prepared
        /// geometries (`geo287 match`).
        case all
        /// Only places the crosswalk cannot answer (Connecticut, places changed since 2020):
        /// the shares are the same, without reading every place polygon (`geo287 coverage`).
        case whereNeeded
    }

    /// Fills `counties` for every matched agreement. `threads` workers run the GEOS join.
    public func join(_ matched: [MatchedAgreement], threads: Int = 2, geometry: Geometry = .all) throws -> [MatchedAgreement] {
        var placeIDs = Set(matched.compactMap { m in m.jurisdiction.geoid.flatMap { $0.count == 7 ? $0 : nil } })
        if case .whereNeeded = geometry { placeIDs = placeIDs.filter { crosswalkShares($0) == nil } }
        try gazetteer.loadPlaceGeometries(placeIDs, threads: threads)
        Trace.mark("place polygons")
        let overlays = try overlay(places: placeIDs.sorted(), threads: threads)
        return matched.map { m in
            var out = m
            out.jurisdiction.counties = shares(for: m.jurisdiction, overlays: overlays)
            return out
        }
    }

    // MARK: Shares

    func shares(for j: Jurisdiction, overlays: [String: PlaceOverlay]) -> [CountyShare] {
        guard let geoid = j.geoid else { return [] }
        if j.method == .fallbackCounty {
            return [CountyShare(countyGEOID: geoid, share: 1, coverage: 0, basis: "fallback-county")]
        }
        switch geoid.count {
        case 2:
            return wholeCounties(gazetteer.counties(inState: geoid).map(\.geoid), basis: "state")
        case 5:
            return wholeCounties([geoid] + j.extraCountyGEOIDs, basis: "county")
        case 7:
            return placeShares(geoid, overlay: overlays[geoid])
        default:
            return []
        }
    }

    /// Whole counties: coverage 1; share by Vintage population (by area where there is none).
    func wholeCounties(_ ids: [String], basis: String) -> [CountyShare] {
        let pops = ids.map { gazetteer.population(county: $0) }
        if pops.allSatisfy({ $0 != nil }), let total = Optional(pops.reduce(0) { $0 + ($1 ?? 0) }), total > 0 {
            return zip(ids, pops).map { CountyShare(countyGEOID: $0, share: Double($1 ?? 0) / Double(total), coverage: 1, basis: basis) }
        }
        let areas = ids.map { gazetteer.countyByGEOID[$0]?.geometry.area ?? 0 }
        let total = areas.reduce(0, +)
        return zip(ids, areas).map {
            CountyShare(countyGEOID: $0, share: total > 0 ? $1 / total : 1 / Double(ids.count), coverage: 1, basis: basis)
        }
    }

    /// A place: crosswalk population parts when every part's county is in the current layer
    /// (not Connecticut, whose 2020 counties became planning regions); else GEOS area shares,
    /// with the place's 2020 population spread by area to estimate county coverage.
    func placeShares(_ geoid: String, overlay: PlaceOverlay?) -> [CountyShare] {
        if let shares = crosswalkShares(geoid) { return shares }
        let placePop = (gazetteer.crosswalk.partsByPlace[geoid] ?? []).reduce(0) { $0 + $1.population2020 }
        guard let overlay else { return [] }
        return overlay.areaShares.keys.sorted().map { county in
            let share = overlay.areaShares[county] ?? 0
            let base = gazetteer.population.counties[county]?.base2020 ?? 0
            let coverage = base > 0 ? min(1, Double(placePop) * share / Double(base)) : 0
            return CountyShare(countyGEOID: county, share: share, coverage: coverage, basis: "area")
        }
    }

    /// Population shares from the crosswalk, when every part's county is in the current layer.
    func crosswalkShares(_ geoid: String) -> [CountyShare]? {
        let parts = gazetteer.crosswalk.partsByPlace[geoid] ?? []
        let placePop = parts.reduce(0) { $0 + $1.population2020 }
        guard !parts.isEmpty, placePop > 0, parts.allSatisfy({ gazetteer.countyByGEOID[$0.countyGEOID] != nil }) else { return nil }
        return parts.sorted { $0.countyGEOID < $1.countyGEOID }.map {
            CountyShare(countyGEOID: $0.countyGEOID, share: Double($0.population2020) / Double(placePop),
                        coverage: $0.countyShare, basis: "crosswalk")
        }
    }

    // MARK: GEOS overlay

    /// Area shares of each place among the counties it intersects, on `threads` workers.
    public func overlay(places: [String], threads: Int) throws -> [String: PlaceOverlay] {
        let workers = max(1, min(threads, places.count))
        // Each worker takes a contiguous run of places and owns one GEOS context, one PROJ
        // context and its own county geometries: nothing GEOS-made crosses threads.
        let chunks = (0..<workers).map { w in Array(places[(places.count * w / workers)..<(places.count * (w + 1) / workers)]) }
        let gazetteer = self.gazetteer
        let results = try parallelMap(chunks, threads: workers) { chunk -> [PlaceOverlay] in
            let worker = try OverlayWorker(gazetteer: gazetteer)
            return try chunk.map { try worker.overlay(place: $0) }
        }
        return Dictionary(results.joined().map { ($0.placeGEOID, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Per-thread GEOS state for the overlay: never shared between threads.
final class OverlayWorker {
    let gazetteer: Gazetteer
    let context: GEOSContext
    let toAlbers: ProjTransformer
    private var trees: [String: (tree: STRtree, ids: [String], prepared: [Int: PreparedGeometry])] = [:]

    init(gazetteer: Gazetteer) throws {
        self.gazetteer = gazetteer
        context = try GEOSContext()
        toAlbers = try ProjTransformer(from: ProjTransformer.nad83, to: ProjTransformer.conusAlbers)
    }

    func overlay(place geoid: String) throws -> CountyJoin.PlaceOverlay {
        // A place known only from the 2020 crosswalk has no polygon: nothing to overlay.
        guard let place = try gazetteer.place(geoid: geoid), !place.geometry.polygons.isEmpty else {
            return CountyJoin.PlaceOverlay(placeGEOID: geoid, areaShares: [:])
        }
        let state = String(geoid.prefix(2))
        var entry = try tree(state)
        let geom = try context.geometry(place.geometry)
        let candidates = entry.tree.query(geom)
        var hits: [Int] = []
        for c in candidates {
            let prepared: PreparedGeometry
            if let p = entry.prepared[c] { prepared = p } else {
                prepared = try entry.tree.geometries[c].prepared()
                entry.prepared[c] = prepared
            }
            if try prepared.contains(geom) {
                trees[state] = entry
                return CountyJoin.PlaceOverlay(placeGEOID: geoid, areaShares: [entry.ids[c]: 1])
            }
            if try prepared.intersects(geom) { hits.append(c) }
        }
        trees[state] = entry
        // Spanning several counties: intersection areas in the equal-area projection.
        let placeAlbers = try context.geometry(try toAlbers.transform(place.geometry))
        var areas: [String: Double] = [:]
        for c in hits {
            let county = entry.ids[c]
            guard let poly = gazetteer.countyByGEOID[county]?.geometry else { continue }
            let countyAlbers = try context.geometry(try toAlbers.transform(poly))
            areas[county] = try placeAlbers.intersection(countyAlbers).area()
        }
        return CountyJoin.PlaceOverlay(placeGEOID: geoid, areaShares: Self.normalize(areas))
    }

    /// Area shares; sums run in county order (a dictionary's own order changes from run to run,
    /// and with it the last bit of a floating-point sum).
    static func normalize(_ areas: [String: Double]) -> [String: Double] {
        let total = areas.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        guard total > 0 else { return [:] }
        let kept = areas.filter { $0.value / total >= CountyJoin.sliverShare }
        let keptTotal = kept.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        return kept.mapValues { $0 / keptTotal }
    }

    private func tree(_ state: String) throws -> (tree: STRtree, ids: [String], prepared: [Int: PreparedGeometry]) {
        if let t = trees[state] { return t }
        let counties = gazetteer.counties(inState: state)
        let geoms = try counties.map { c -> Geometry in
            let g = try context.geometry(c.geometry)
            _ = try g.bounds()   // GEOS 3.11 computes envelopes lazily: force them here
            return g
        }
        let t = (try STRtree(context: context, geometries: geoms), counties.map(\.geoid), [Int: PreparedGeometry]())
        trees[state] = t
        return t
    }
}
