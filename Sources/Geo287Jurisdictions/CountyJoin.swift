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
            var notes: [String] = []
            out.jurisdiction.counties = shares(for: m.jurisdiction, overlays: overlays, notes: &notes)
            out.jurisdiction.joinNotes = notes
            if !notes.isEmpty { out.jurisdiction.reason += "; " + notes.joined(separator: "; ") }
            return out
        }
    }

    /// The counties a place lies in, largest share first (ties by GEOID): the crosswalk's
    /// population parts where it knows the place in the current county layer, else the GEOS
    /// area overlay (the place polygon is read if needed), else, where the data root has no
    /// polygon for it (the compact layer keeps only agreement places), the county holding the
    /// Census internal point of the place (basis `internal-point`): Connecticut's towns and
    /// cities lie whole in one planning region, so the answer is the overlay's.
    public func counties(ofPlace geoid: String) throws -> [CountyShare] {
        var shares = crosswalkShares(geoid)
        if shares == nil {
            try gazetteer.loadPlaceGeometries([geoid], threads: 1, compactMayLack: true)
            if let place = try gazetteer.place(geoid: geoid), place.geometry.polygons.isEmpty, let point = place.internalPoint {
                shares = county(containing: point, state: place.stateFIPS).map {
                    [CountyShare(countyGEOID: $0, share: 1, coverage: 0, basis: "internal-point")]
                }
            } else {
                var ignored: [String] = []   // county shares only: no people are counted here
                shares = placeShares(geoid, overlay: try overlay(places: [geoid], threads: 1)[geoid], notes: &ignored)
            }
        }
        return (shares ?? []).sorted { ($0.share, $1.countyGEOID) > ($1.share, $0.countyGEOID) }
    }

    /// The county of `state` whose polygon holds `point` (the lowest GEOID if several do), else the
    /// nearest one within `nearestLimitMetres`: a coastal place's internal point can lie in water
    /// outside the generalized (1:5M) county layer. Nil when no county is that close.
    func county(containing point: Coordinate, state: String) -> String? {
        let counties = gazetteer.counties(inState: state).sorted { $0.geoid < $1.geoid }
        if let inside = counties.first(where: { c in
            c.geometry.bounds.contains(point) && c.geometry.polygons.contains { p in
                p.shell.containsByRayCast(point) && !p.holes.contains { $0.containsByRayCast(point) }
            }
        }) { return inside.geoid }
        let nearest = counties.map { ($0.geoid, EdgeDistance.metres(from: point, to: $0.geometry)) }
            .filter { $0.1.isFinite && $0.1 <= Self.nearestLimitMetres }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }
        return nearest?.0
    }

    /// How far outside every county an internal point may lie and still be placed (5 km).
    static let nearestLimitMetres = 5_000.0

    // MARK: Shares

    func shares(for j: Jurisdiction, overlays: [String: PlaceOverlay], notes: inout [String]) -> [CountyShare] {
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
            return placeShares(geoid, overlay: overlays[geoid], notes: &notes)
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
    /// with the place's 2020 population spread by area to estimate county coverage. `notes`
    /// gets what the estimate could not know: a place without 2020 population, a county
    /// without a population row, a coverage above 1 (capped).
    func placeShares(_ geoid: String, overlay: PlaceOverlay?, notes: inout [String]) -> [CountyShare] {
        if let shares = crosswalkShares(geoid) { return shares }
        guard let overlay else { return [] }
        let parts = gazetteer.crosswalk.partsByPlace[geoid] ?? []
        let placePop = parts.reduce(0) { $0 + $1.population2020 }
        if parts.isEmpty, !overlay.areaShares.isEmpty {
            notes.append("place \(geoid) is not in the 2020 place × county crosswalk: its people are not known and count as 0")
        }
        return overlay.areaShares.keys.sorted().map { county in
            let share = overlay.areaShares[county] ?? 0
            guard let base = gazetteer.population.counties[county]?.base2020, base > 0 else {
                if !parts.isEmpty { notes.append("county \(county) has no 2020 population in the population table: coverage there counts as 0") }
                return CountyShare(countyGEOID: county, share: share, coverage: 0, basis: "area")
            }
            let estimate = Double(placePop) * share / Double(base)
            if estimate > 1 {
                notes.append("coverage of county \(county) estimated by area at \(JSONValue.format(estimate, decimals: 4)) of its people, capped at 1")
            }
            return CountyShare(countyGEOID: county, share: share, coverage: min(1, estimate), basis: "area")
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

    /// Area shares of each place among the counties of its state it intersects, on `threads`
    /// workers (`PlaceCountyOverlay`), slivers dropped and the rest renormalized.
    public func overlay(places: [String], threads: Int) throws -> [String: PlaceOverlay] {
        // A place known only from the 2020 crosswalk has no polygon: nothing to overlay.
        let shapes = try places.compactMap { geoid -> PlaceCountyOverlay.Shape? in
            guard let place = try gazetteer.place(geoid: geoid), !place.geometry.polygons.isEmpty else { return nil }
            return PlaceCountyOverlay.Shape(geoid: geoid, geometry: place.geometry, source: place.source)
        }
        let result = try PlaceCountyOverlay(counties: gazetteer.counties, sameStateOnly: true)
            .run(places: shapes, threads: threads, chunkSize: 16)
        let byPlace = Dictionary(grouping: result.pieces, by: \.placeGEOID)
        return Dictionary(uniqueKeysWithValues: places.map { geoid in
            let shares = Dictionary((byPlace[geoid] ?? []).map { ($0.countyGEOID, $0.share) }, uniquingKeysWith: +)
            return (geoid, PlaceOverlay(placeGEOID: geoid, areaShares: Self.normalize(shares)))
        })
    }

    /// Shares without slivers, renormalized; sums run in county order (a dictionary's own order
    /// changes from run to run, and with it the last bit of a floating-point sum).
    static func normalize(_ shares: [String: Double]) -> [String: Double] {
        let total = shares.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        guard total > 0 else { return [:] }
        let kept = shares.filter { $0.value / total >= sliverShare }
        let keptTotal = kept.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        return kept.mapValues { $0 / keptTotal }
    }
}
