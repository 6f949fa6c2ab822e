import Geo287Core
@testable import Geo287Census
import Geo287Geometry
import Geo287Jurisdictions
import Testing

/// The one place × county overlay survives an invalid place polygon: it repairs it (MakeValid,
/// as geopandas' overlay does) and intersects the repair. (GEOS 3.11 finds every 2019 TIGER
/// place polygon valid, so the invalid place is built by hand: a bowtie across two counties.)
@Suite struct OverlayRepairTests {
    static func square(_ x0: Double, _ x1: Double) -> MultiPolygon {
        MultiPolygon([Polygon(shell: Ring([Coordinate(x0, 30), Coordinate(x1, 30), Coordinate(x1, 31), Coordinate(x0, 31)]))])
    }

    @Test func aSelfIntersectingPlaceIsRepairedThenSplit() throws {
        let counties = [("12001", -85.0, -84.0), ("12003", -84.0, -83.0)].map {
            County(geoid: $0.0, stateFIPS: "12", stateUSPS: "FL", name: $0.0, nameWithType: $0.0, lsad: "06", geometry: Self.square($0.1, $0.2))
        }
        // A bowtie: two triangles meeting at (-84, 30.5), one in each county.
        let bowtie = MultiPolygon([Polygon(shell: Ring([Coordinate(-84.5, 30.2), Coordinate(-83.5, 30.8), Coordinate(-83.5, 30.2),
                                                        Coordinate(-84.5, 30.8)]))])
        let ctx = try GEOSContext()
        #expect(try !ctx.geometry(bowtie).isValid)
        let result = try PlaceCountyOverlay(counties: counties).run(places: [.init(geoid: "1200001", geometry: bowtie)], threads: 1)
        #expect(result.repaired >= 1)
        let shares = Dictionary(uniqueKeysWithValues: result.pieces.map { ($0.countyGEOID, $0.share) })
        #expect(Set(shares.keys) == ["12001", "12003"])
        // Symmetric halves: each county holds half of the repaired place.
        #expect(abs((shares["12001"] ?? 0) - (shares["12003"] ?? 0)) < 1e-6)
        #expect(((shares["12001"] ?? 0) + (shares["12003"] ?? 0)) > 0.99)
    }
}
