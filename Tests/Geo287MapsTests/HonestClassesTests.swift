import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Geometry
import Geo287Maps
import Testing

/// Statewide coverage drawn apart from local coverage, agreements whose residents are not
/// counted drawn apart from "none", and state maps in projections fitted to the state.
@Suite struct HonestClassesTests {
    /// The `class` of the county path whose tooltip starts with `name`.
    static func pathClass(_ svg: String, county name: String) -> String? {
        guard let r = svg.range(of: "<title>\(name):") else { return nil }
        let before = svg[..<r.lowerBound]
        guard let open = before.range(of: "<path class=\"", options: .backwards) else { return nil }
        return String(before[open.upperBound...].prefix { $0 != "\"" })
    }

    @Test func statewideOnlyCountiesAreStripedNotSolid() throws {
        let f = try Fixture.get()
        // Travis County, TX: wholly covered only through Texas's statewide agencies.
        let travis = try #require(f.national.counties.first { $0.geoid == "48453" })
        #expect(travis.covered == travis.population && travis.coveredWithoutStatewide < travis.population)
        let svg = try NationalMap.svg(f.national, counties: f.gazetteer.counties)
        let cls = try #require(Self.pathClass(svg, county: "Travis County, TX"))
        #expect(cls.hasSuffix("s") && cls != "k5")
        #expect(svg.contains(SVGText.escape(Palette.statewideLabel)))
        // Every county a statewide agreement adds people to is striped, and no other.
        let striped = f.national.counties.filter { Shading.share.look($0).statewide }
        #expect(striped.allSatisfy { $0.covered > $0.coveredWithoutStatewide })
        #expect(striped.count == f.national.counties.filter { $0.covered > $0.coveredWithoutStatewide }.count)
        #expect(striped.count > 1000)
        // Miami-Dade's sheriff holds one itself: solid, not striped.
        #expect(Self.pathClass(svg, county: "Miami-Dade County, FL") == "k5")
    }

    @Test func excludingStatewideAgreementsLeavesLocalCoverageOnly() throws {
        let f = try Fixture.get()
        let local = try f.run.coverage(f.matched, pending: nil, options: CoverageOptions(model: .model(.taskForce), excludeStatewide: true))
        #expect(local.national.covered == f.national.national.coveredWithoutStatewide)
        let svg = try NationalMap.svg(local, counties: f.gazetteer.counties)
        #expect(!svg.contains(SVGText.escape(Palette.statewideLabel)))
        #expect(Self.pathClass(svg, county: "Travis County, TX") == Palette.steps[Palette.step(
            covered: f.national.counties.first { $0.geoid == "48453" }?.coveredWithoutStatewide ?? 0,
            population: f.national.counties.first { $0.geoid == "48453" }?.population ?? 0)].cssClass)
        #expect(svg.contains("(statewide agreements left out)"))
    }

    @Test func agreementsWhoseResidentsAreNotCountedHaveTheirOwnClass() throws {
        let f = try Fixture.get()
        let pa = try f.run.coverage(f.matched, pending: nil, options: CoverageOptions(model: .model(.taskForce), state: "PA"))
        for geoid in ["42103", "42059", "42129"] {   // Pike, Greene, Westmoreland
            let c = try #require(pa.counties.first { $0.geoid == geoid })
            #expect(c.covered == 0 && c.agreements.contains { !$0.counted })
            #expect(Shading.share.look(c) == CountyLook(step: Palette.notCounted, statewide: false))
        }
        let agreements = MapAgreements.admitted(f.matched, pending: nil, options: pa.options)
        let svg = try StateMap.svg(pa, state: "PA", agreements: agreements, gazetteer: f.gazetteer)
        for name in ["Pike County", "Greene County", "Westmoreland County"] {
            #expect(Self.pathClass(svg, county: "\(name), PA") == "kn")
        }
        #expect(svg.contains(SVGText.escape(Palette.notCountedLabel)))
        #expect(svg.contains("residents not counted for:"))
        // A county with nothing at all stays plain grey.
        let none = try #require(pa.counties.first { $0.agreements.isEmpty })
        #expect(Shading.share.look(none).cssClass == "k0")
    }

    @Test func jailsAloneDoNotMakeACountyDotted() throws {
        let f = try Fixture.get()
        let all = try f.run.coverage(f.matched, pending: nil, options: CoverageOptions(model: .all))
        // Every county's look follows the rule: dotted exactly when nobody is covered and a
        // resident-policing agency's agreement is not counted.
        for c in all.counties {
            #expect(Shading.model.look(c).notCounted == (c.covered == 0 && c.agreements.contains(where: Shading.residentsNotCounted)), "\(c.geoid)")
        }
        // Counties whose only agreements are facility ones (a state corrections department's jail
        // agreement reaches every county of Alaska) stay plain grey.
        let facilityOnly = all.counties.filter { c in c.covered == 0 && !c.agreements.isEmpty && c.agreements.allSatisfy { !Shading.residentsNotCounted($0) } }
        #expect(!facilityOnly.isEmpty && facilityOnly.allSatisfy { Shading.model.look($0).cssClass == "m0" })
    }

    /// The angle (degrees) between north and straight up at a point, in a projection.
    static func rotation(_ crs: String, at c: Coordinate) throws -> Double {
        let p = try ProjTransformer(from: ProjTransformer.nad83, to: crs)
        let a = try p.transform(Coordinate(c.x, c.y - 0.25)), b = try p.transform(Coordinate(c.x, c.y + 0.25))
        return atan2(b.x - a.x, b.y - a.y) * 180 / .pi
    }

    @Test(arguments: ["PA", "VA", "NC", "TX"]) func stateMapsAreNotRotated(usps: String) throws {
        let f = try Fixture.get()
        let fips = try #require(USState.usps(usps)?.fips)
        let bounds = f.gazetteer.counties(inState: fips).reduce(BoundingBox.empty) { $0.union($1.geometry.bounds) }
        let projection = StateProjection(zone: MapZone(stateFIPS: fips), bounds: bounds)
        let centre = Coordinate((bounds.minX + bounds.maxX) / 2, (bounds.minY + bounds.maxY) / 2)
        #expect(abs(try Self.rotation(projection.crs, at: centre)) < 0.05)
        // In the national Albers these states lean by several degrees.
        if usps != "TX" { #expect(abs(try Self.rotation(ProjTransformer.conusAlbers, at: centre)) > 5) }
        // Within the state, north stays within a few degrees of up.
        for corner in [Coordinate(bounds.minX, bounds.minY), Coordinate(bounds.maxX, bounds.maxY)] {
            #expect(abs(try Self.rotation(projection.crs, at: corner)) < 6)
        }
    }

    @Test func alaskaHawaiiAndPuertoRicoKeepTheirOwnProjections() {
        #expect(StateProjection(zone: .alaska, bounds: BoundingBox(minX: -180, minY: 51, maxX: 180, maxY: 72)).crs == ProjTransformer.alaskaAlbers)
        #expect(StateProjection(zone: .hawaii, bounds: .empty).crs == ProjTransformer.hawaiiAlbers)
        #expect(StateProjection(zone: .puertoRico, bounds: .empty).crs == ProjTransformer.puertoRico)
    }

    @Test func pennsylvaniaMapNamesItsProjection() throws {
        let f = try Fixture.get()
        let pa = try f.run.coverage(f.matched, pending: nil, options: CoverageOptions(model: .model(.taskForce), state: "PA"))
        let svg = try StateMap.svg(pa, state: "PA", agreements: MapAgreements.admitted(f.matched, pending: nil, options: pa.options),
                                   gazetteer: f.gazetteer)
        #expect(svg.contains("Projection: Albers equal-area conic fitted to the state (standard parallels 40.1°N and 41.8°N, central meridian 77.6°W)."))
    }
}
