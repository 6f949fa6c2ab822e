import Foundation
import Geo287Maps
import Testing

@Suite struct GeoJSONTests {
    @Test func countiesLayerFollowsRFC7946AndMatchesCoverage() throws {
        let f = try Fixture.get()
        let text = try GeoJSONLayers.counties(f.national, counties: f.gazetteer.counties, options: .init())
        let json = try GeoJSONChecks(text)
        #expect(json.features.count == 3235)
        #expect(json.checkRFC7946() > 200_000)
        let bbox = try #require(json.root["bbox"] as? [Double])
        #expect(bbox.count == 4 && bbox[0] >= -180 && bbox[2] <= 180 && bbox[1] < bbox[3])
        var population = 0, covered = 0
        for i in json.features.indices {
            population += json.properties(i)["population"] as? Int ?? 0
            covered += json.properties(i)["covered"] as? Int ?? 0
        }
        #expect(population == f.national.national.population)
        #expect(covered == f.national.national.covered)
        let fips = json.features.indices.compactMap { json.properties($0)["fips"] as? String }
        #expect(fips == fips.sorted() && Set(fips).count == 3235)
        // At most six decimals.
        #expect(text.range(of: #"\.\d{7}"#, options: .regularExpression) == nil)
    }

    @Test func aleutiansWestKeepsBothSidesOfTheAntimeridianInRange() throws {
        let f = try Fixture.get()
        let json = try GeoJSONChecks(try GeoJSONLayers.counties(f.national, counties: f.gazetteer.counties, options: .init()))
        let i = try #require(json.features.indices.first { json.properties($0)["fips"] as? String == "02016" })
        let lons = json.rings(i).flatMap { $0.0.map { $0[0] } }
        #expect(lons.contains { $0 < -170 } && lons.contains { $0 > 170 })
        #expect(lons.allSatisfy { (-180...180).contains($0) })
    }

    @Test func simplifiedAndRoundedLayerStaysValid() throws {
        let f = try Fixture.get()
        let full = try GeoJSONLayers.counties(f.national, counties: f.gazetteer.counties, options: .init())
        let text = try GeoJSONLayers.counties(f.national, counties: f.gazetteer.counties,
                                              options: .init(precision: 4, toleranceMetres: 1000))
        let json = try GeoJSONChecks(text)
        #expect(json.features.count == 3235)
        json.checkRFC7946()
        #expect(text.utf8.count * 3 < full.utf8.count * 2)
        #expect(json.features.indices.allSatisfy { !json.rings($0).isEmpty })
    }

    @Test func jurisdictionsLayerHasOneFeaturePerAgreement() throws {
        let f = try Fixture.get()
        let agreements = MapAgreements.admitted(f.matched, pending: nil, options: f.florida.options)
        let text = try GeoJSONLayers.jurisdictions(f.florida, agreements: agreements, gazetteer: f.gazetteer,
                                                   options: .init(toleranceMetres: 100), threads: 2)
        let json = try GeoJSONChecks(text)
        #expect(json.features.count == agreements.count)
        #expect(json.features.count == f.florida.national.agreements)
        json.checkRFC7946()
        let levels = Set(json.features.indices.compactMap { json.properties($0)["level"] as? String })
        #expect(levels.isSuperset(of: ["state", "county", "municipal"]))
        // A statewide agency's territory is the whole state: one feature spanning Pensacola to Key West.
        let state = try #require(json.features.indices.first { json.properties($0)["level"] as? String == "state" })
        let lons = json.rings(state).flatMap { $0.0.map { $0[0] } }
        #expect((lons.min() ?? 0) < -87.3 && (lons.max() ?? 0) > -80.1)
    }

    @Test func rerunsAreByteIdentical() throws {
        let f = try Fixture.get()
        let a = try GeoJSONLayers.counties(f.florida, counties: f.gazetteer.counties, options: .init(toleranceMetres: 200))
        let b = try GeoJSONLayers.counties(f.florida, counties: f.gazetteer.counties, options: .init(toleranceMetres: 200))
        #expect(a == b)
        #expect(try GeoJSONChecks(a).features.count == 67)
    }
}
