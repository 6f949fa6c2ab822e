import Geo287Census
import Geo287Geometry
import Geo287Jurisdictions

/// The independent second method: the 85k 2020 tract population centroids, located point in
/// polygon (PointIndex) in the counties and in the polygons of the places that municipal
/// agreements cover. A county's covered fraction of people outside statewide and county
/// agreements is the population of its tracts whose centroid falls in a covered place,
/// divided by the population of all its tracts. A tract is in or out as a whole: that, and
/// the 2019 place polygons against the 2020 crosswalk, are why the methods differ a little.
public struct TractCoverage: Sendable {
    /// Per county: total 2020 tract population, and its part in each place (by place GEOID).
    public let countyPopulation: [String: Int]
    public let placePopulation: [String: [String: Int]]
    public let tractCount: Int
    public let unlocated: Int

    /// Locates every tract centroid in the counties and in `placeGEOIDs` (their polygons must be
    /// loaded in the gazetteer) on `threads` threads.
    /// `engine`: the grid index (default) or plain GEOS prepared `covers` (the reference); both
    /// give identical assignments under the border rule (`BorderRule`).
    public static func locate(_ tracts: TractCentroids, gazetteer: Gazetteer, placeGEOIDs: Set<String>, threads: Int,
                              engine: PointInPolygonEngine = .grid) throws -> TractCoverage {
        // GEOID order, so the border rule (lowest index covering a point) is the lowest GEOID.
        let counties = gazetteer.counties.sorted { $0.geoid < $1.geoid }
        let countyIndex = try PointLocator(polygons: counties.map(\.geometry), engine: engine)
        let places = try placeGEOIDs.sorted().compactMap { try gazetteer.place(geoid: $0) }.filter { !$0.geometry.polygons.isEmpty }
        let inCounty = try countyIndex.locateAll(xs: tracts.longitude, ys: tracts.latitude, threads: threads)
        let inPlace = places.isEmpty ? [] : try PointLocator(polygons: places.map(\.geometry), engine: engine)
            .locateAll(xs: tracts.longitude, ys: tracts.latitude, threads: threads)
        var countyPop: [String: Int] = [:], placePop: [String: [String: Int]] = [:]
        var unlocated = 0
        for i in 0..<tracts.count {
            let c = Int(inCounty[i])
            guard c >= 0 else { unlocated += 1; continue }
            let county = counties[c].geoid
            countyPop[county, default: 0] += tracts.population[i]
            if !inPlace.isEmpty, inPlace[i] >= 0 {
                placePop[county, default: [:]][places[Int(inPlace[i])].geoid, default: 0] += tracts.population[i]
            }
        }
        return TractCoverage(countyPopulation: countyPop, placePopulation: placePop, tractCount: tracts.count, unlocated: unlocated)
    }

    /// The covered fraction of `county` from the tracts in the places of `agreements`.
    public func fraction(county: String, agreements: [CoveringAgreement]) -> Double {
        guard let total = countyPopulation[county], total > 0 else { return 0 }
        let wanted = Set(agreements.compactMap(\.jurisdictionGEOID))
        let inPlaces = (placePopulation[county] ?? [:]).filter { wanted.contains($0.key) }.values.reduce(0, +)
        return Double(inPlaces) / Double(total)
    }
}
