import Foundation
@testable import Geo287Census
import Geo287Core
@testable import Geo287Jurisdictions
import Geo287TestSupport
import Testing

/// A place the crosswalk cannot put in a current county (Connecticut: its 2020 counties became
/// planning regions) and whose polygon the data root lacks (the embedded compact layer keeps only
/// agreement places) is placed by its Census internal point, not refused.
@Suite struct InternalPointTests {
    /// TIGER's INTPTLAT/INTPTLON fields as DBF pads them: signs, spaces around (also a
    /// no-break space), anything else refused.
    @Test func internalPointFieldsAreReadWithTheirPadding() {
        let hartford = CensusLayers.internalPoint(lat: " +41.7660 ", lon: "-072.6833\t")
        #expect(hartford?.y == 41.766 && hartford?.x == -72.6833)
        #expect(CensusLayers.internalPoint(lat: "\u{00A0}+41.5", lon: "-72.5")?.y == 41.5)
        #expect(CensusLayers.internalPoint(lat: "  ", lon: "-72.5") == nil)
        #expect(CensusLayers.internalPoint(lat: "+41.5\n", lon: "-72.5") == nil)
        #expect(CensusLayers.internalPoint(lat: "+91.0", lon: "-72.5") == nil)
        #expect(CensusLayers.internalPoint(lat: "41.5", lon: nil) == nil)
        #expect(CensusLayers.internalPoint(lat: "4 1.5", lon: "-72.5") == nil)
    }

    @Test func connecticutPlacesFindTheirPlanningRegionOnTheEmbeddedRoot() throws {
        let join = CountyJoin(gazetteer: try Gazetteer.load(ReferenceData.embedded))
        // Hartford (Capitol), New Haven (South Central Connecticut), Stamford (Western Connecticut).
        for (place, region) in [("0937000", "09110"), ("0952000", "09170"), ("0973000", "09190")] {
            let shares = try join.counties(ofPlace: place)
            #expect(shares.map(\.countyGEOID) == [region], "\(place)")
            #expect(shares.allSatisfy { $0.basis == "internal-point" && $0.share == 1 })
        }
    }

    /// Where the polygons are there, the overlay and the internal point agree for every
    /// Connecticut place: each lies whole in one planning region, so the point's region is the
    /// overlay's largest one.
    @Test(ReferenceData.needsFullData) func theInternalPointAgreesWithTheOverlay() throws {
        let gazetteer = try Gazetteer.load(ReferenceData.root)
        let join = CountyJoin(gazetteer: gazetteer)
        let places = try gazetteer.places(inState: "09")
        #expect(places.count == 143)   // Connecticut's places in the 2019 TIGER/Line layer
        try gazetteer.loadPlaceGeometries(Set(places.map(\.geoid)), threads: 2)
        let overlays = try join.overlay(places: places.map(\.geoid), threads: 2)
        var compared = 0
        for place in places {
            let point = try #require(place.internalPoint, "\(place.geoid)")
            guard let shares = overlays[place.geoid]?.areaShares, let largest = shares.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
            #expect(join.county(containing: point, state: "09") == largest.key, "\(place.nameWithType)")
            compared += 1
        }
        #expect(compared == places.count)
    }
}
