import Foundation
import Geo287Coverage
import Geo287Sheets
import Testing

@Suite struct CoverageTests {
    func run(_ options: CoverageOptions) throws -> CoverageResult {
        let g = try Fixtures.gazetteer.get()
        return try CoverageRun(gazetteer: g).coverage(try Fixtures.newest.get(), pending: try Fixtures.pendingForNewest.get(), options: options)
    }

    @Test func invariantsPerModel() throws {
        var byModel: [String: CoverageResult] = [:]
        for model in [ModelFilter.model(.taskForce), .model(.jailEnforcement), .model(.warrantService), .all] {
            let r = try run(CoverageOptions(model: model))
            byModel[model.description] = r
            #expect(r.counties.allSatisfy { $0.covered <= $0.population && $0.covered >= 0 })
            #expect(r.states.allSatisfy { $0.covered <= $0.population })
            #expect(r.national.covered == r.states.reduce(0) { $0 + $1.covered })
            #expect(r.national.covered == r.counties.reduce(0) { $0 + $1.covered })
            #expect(r.national.population == 334_914_895)
            #expect(r.national.coveredWithoutStatewide <= r.national.covered)
            let pending = try run(CoverageOptions(model: model, includePending: true))
            #expect(pending.national.covered >= r.national.covered)
            let noState = try run(CoverageOptions(model: model, excludeStatewide: true))
            #expect(noState.national.covered <= r.national.covered)
            #expect(noState.national.covered == r.national.coveredWithoutStatewide)
        }
        let all = try #require(byModel["all"]).national.covered
        for m in ["task-force", "jail-enforcement", "warrant-service"] {
            #expect(all >= (byModel[m]?.national.covered ?? .max))
        }
    }

    @Test func headlineTaskForceNumbers() throws {
        let r = try run(CoverageOptions(model: .model(.taskForce)))
        // Pinned from the newest sheet (2026-05-18), Vintage 2023 populations.
        #expect(r.national.covered == 130_966_240)
        #expect(r.national.agreements == 1162)
        let fl = try #require(r.states.first { $0.usps == "FL" })
        #expect(fl.statewide && fl.covered == fl.population && fl.population == 22_610_726)
        // Bounds: counties wholly covered by county or statewide agreements are a lower bound,
        // counties touched an upper bound.
        let whole = r.counties.filter { c in c.agreements.contains { $0.counted && ($0.level == .county || $0.level == .state) } }
        let lower = whole.reduce(0) { $0 + $1.population }
        let upper = r.counties.filter(\.touched).reduce(0) { $0 + $1.population }
        #expect(lower <= r.national.covered && r.national.covered <= upper)
    }

    @Test func stateWithOnlyMunicipalAgreementsCountsOnlyThosePlaces() throws {
        // Warrant Service in Alaska: Kodiak Police Department (and the corrections department,
        // which is not resident coverage). Only Kodiak city's people count.
        let r = try run(CoverageOptions(model: .model(.warrantService), state: "AK"))
        let g = try Fixtures.gazetteer.get()
        let kodiakParts = try #require(g.crosswalk.partsByPlace["0240950"])
        let expected = kodiakParts.reduce(0) { acc, part in
            acc + Int((Double(g.population(county: part.countyGEOID) ?? 0) * part.countyShare).rounded())
        }
        #expect(r.national.covered == expected && expected > 4000 && expected < 7000)
        #expect(!r.states.contains { $0.statewide })
    }

    @Test func countyWithSheriffAndCityCountsPeopleOnce() throws {
        // Baldwin County, AL: the sheriff and six town police departments, all Task Force.
        let r = try run(CoverageOptions(model: .model(.taskForce)))
        let baldwin = try #require(r.counties.first { $0.geoid == "01003" })
        #expect(baldwin.agreements.filter { $0.level == .municipal }.count == 6)
        #expect(baldwin.covered == baldwin.population)
    }

    @Test func tractsMethodAgreesWithinThreePercent() throws {
        let places = try run(CoverageOptions(model: .model(.taskForce)))
        let tracts = try run(CoverageOptions(model: .model(.taskForce), method: .tracts))
        let diff = abs(Double(tracts.national.covered - places.national.covered)) / Double(places.national.covered)
        #expect(diff < 0.03, "places \(places.national.covered), tracts \(tracts.national.covered)")
        // Statewide and county coverage is identical in both methods.
        let fl = tracts.states.first { $0.usps == "FL" }
        #expect(fl?.covered == fl?.population)
    }

    @Test func outputsAreDeterministicAndConsistent() throws {
        let r = try run(CoverageOptions(model: .model(.taskForce)))
        let json = CoverageOutput.json(r)
        #expect(json == CoverageOutput.json(try run(CoverageOptions(model: .model(.taskForce)))))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let national = try #require(parsed["national"] as? [String: Any])
        #expect(national["covered"] as? Int == r.national.covered)
        #expect(Set(parsed.keys) == ["sheet", "model", "method", "population_vintage", "national", "states", "notes", "rules"])
        let csv = CoverageOutput.csv(r)
        #expect(csv.split(separator: "\n").count == 3236)   // header + 3,235 counties
    }
}
