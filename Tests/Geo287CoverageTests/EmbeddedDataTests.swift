import Foundation
import Geo287Census
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Sheets
import Geo287TestSupport
import Testing

/// The embedded data root (`shapefiles/`, committed) on its own: what a fresh clone runs on.
/// These tests read it whether or not the full reference data is present; the ones that
/// compare it with the full data run only where that data is.
@Suite struct EmbeddedDataTests {
    static let root = ReferenceData.embedded
    /// The bundled sheets: those shapefiles/README.md lists (a sheet fetched later into
    /// shapefiles/ice may name cities the compact layer has no polygon for, and says so).
    static let sheets: [String] = {
        let manifest = (try? String(contentsOfFile: root.path("README.md"), encoding: .utf8)) ?? ""
        let all = (try? SheetReader.sheetPaths(inFolder: root.path("ice"))) ?? []
        return all.filter { manifest.contains("`ice/\(($0 as NSString).lastPathComponent)`") }
    }()

    /// Every bundled sheet's agreement places, matched on the embedded root, once.
    static let agreementPlaces: Result<(Gazetteer, Set<String>), any Error> = Result {
        let g = try Gazetteer.load(root)
        return (g, try CompactPlaceLayer.agreementPlaces(sheetPaths: sheets, gazetteer: g))
    }

    @Test func everyBundledSheetsPlacesHaveTheirPolygons() throws {
        #expect(Self.sheets.count >= 60)
        let (g, places) = try Self.agreementPlaces.get()
        #expect(places.count >= 583)
        // Exactly the agreement places carry a polygon in the compact layer (the few agreement
        // places that the 2019 files lack are known from the 2020 crosswalk only).
        var withPolygon = Set<String>(), known = Set<String>()
        for fips in Set(places.map { String($0.prefix(2)) }).union(["06", "12"]).sorted() {
            let all = try CensusLayers.places(Self.root, stateFIPS: fips, geometry: .all)
            known.formUnion(all.map(\.geoid))
            withPolygon.formUnion(all.filter { !$0.geometry.polygons.isEmpty }.map(\.geoid))
        }
        #expect(withPolygon == places.intersection(known))
        #expect(places.subtracting(known).count <= 4)
        try g.loadPlaceGeometries(places, threads: 2)   // a missing polygon would throw, naming the fetch command
        #expect(try g.place(geoid: "1271000")?.geometry.polygons.isEmpty == false)   // Tampa
    }

    @Test func aPlaceWithoutCompactPolygonSaysWhatToFetch() throws {
        let (g, _) = try Self.agreementPlaces.get()
        // Los Angeles names no agreement: attributes only in the compact layer.
        let e = try #require(throws: DataError.self) { try g.loadPlaceGeometries(["0644000"], threads: 1) }
        #expect(e.message.contains("Los Angeles city (0644000)") && e.message.contains("geo287 data fetch places --state CA"))
    }

    @Test func headlineOnTheEmbeddedRoot() throws {
        let (g, _) = try Self.agreementPlaces.get()
        let run = CoverageRun(gazetteer: g)
        let sheet = try SheetReader.read(path: Self.root.path("ice/participating-2026-05-18.xlsx"))
        let matched = try run.matchedSheet(sheet)
        let tf = try run.coverage(matched, pending: nil, options: CoverageOptions(model: .model(.taskForce)))
        #expect(tf.national.covered == 130_966_240 && tf.national.population == 334_914_895)
        let tracts = try run.coverage(matched, pending: nil, options: CoverageOptions(model: .model(.taskForce), method: .tracts))
        #expect(tracts.national.covered == 130_932_899)
    }

    /// Same sheet, same numbers on both roots: every model, every state, both methods.
    @Test(ReferenceData.needsFullData) func coverageEqualsTheFullData() throws {
        let (g, _) = try Self.agreementPlaces.get()
        let full = try Gazetteer.load(ReferenceData.root)
        let sheet = try SheetReader.read(path: Self.root.path("ice/participating-2026-05-18.xlsx"))
        let a = CoverageRun(gazetteer: g), b = CoverageRun(gazetteer: full)
        let ma = try a.matchedSheet(sheet), mb = try b.matchedSheet(sheet)
        for method in [CoverageMethod.places, .tracts] {
            for model in [ModelFilter.all] + SupportModel.allCases.map(ModelFilter.model) {
                let o = CoverageOptions(model: model, method: method)
                let x = try a.coverage(ma, pending: nil, options: o), y = try b.coverage(mb, pending: nil, options: o)
                #expect(x.national.covered == y.national.covered, "\(model) \(method)")
                #expect(x.states.map { "\($0.usps) \($0.covered)" } == y.states.map { "\($0.usps) \($0.covered)" }, "\(model) \(method)")
            }
        }
    }

    /// `geo287 data derive` rebuilds the committed compact files byte for byte.
    @Test(ReferenceData.needsFullData) func derivedFilesAreReproducible() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-derive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let target = DataRoot(url: out, source: .option)
        for fips in ["10", "12"] {   // Delaware (1 polygon) and Florida (174)
            let committed = try CensusLayers.places(Self.root, stateFIPS: fips, geometry: .all)
            let keep = Set(committed.filter { !$0.geometry.polygons.isEmpty }.map(\.geoid))
            let report = try CompactPlaceLayer.writeState(fips, from: ReferenceData.root, to: target, keep: keep,
                                                          tolerance: CompactPlaceLayer.defaultTolerance)
            #expect(report.maxDeviation <= CompactPlaceLayer.defaultTolerance * 1.0001)
            let rebuilt = try Data(contentsOf: URL(fileURLWithPath: report.path))
            #expect(rebuilt == (try Data(contentsOf: URL(fileURLWithPath: Self.root.path(CensusLayers.compactPlacesPath(stateFIPS: fips))))), "\(fips)")
            // Attributes are the official file's, record for record.
            let official = try CensusLayers.places(ReferenceData.root, stateFIPS: fips, geometry: .none)
            #expect(official.map(\.geoid) == committed.map(\.geoid) && official.map(\.nameWithType) == committed.map(\.nameWithType))
        }
        let workbook = try CountySubdivisions.loadWorkbook(ReferenceData.root.path(CountySubdivisions.path))
        #expect(workbook.divisions.count == 21_039)
        #expect(try workbook.derivedTable() == (try Data(contentsOf: URL(fileURLWithPath: Self.root.path(CountySubdivisions.derivedPath)))))
    }

    @Test func freshnessNotes() throws {
        let catalog = try SheetCatalog(root: Self.root)
        let newest = try #require(catalog.participating.last?.date)
        let fresh = SignedDate(daysSinceEpoch: newest.daysSinceEpoch + 30)
        let stale = SignedDate(daysSinceEpoch: newest.daysSinceEpoch + 31)
        #expect(SheetFreshness.notes(catalog: catalog, asOf: nil, today: fresh).isEmpty)
        let notes = SheetFreshness.notes(catalog: catalog, asOf: stale, today: stale)
        #expect(notes.count == 2)
        #expect(notes[0].hasPrefix("--as-of \(stale!) is after the newest sheet in the data root (\(newest)"))
        #expect(notes[1].contains("31 days old") && notes[1].contains("geo287 data fetch ice"))
        let p = SignedDate(iso: "2026-05-18"), q = SignedDate(iso: "2026-02-27")
        #expect(SheetFreshness.pendingNote(participating: p, pendingPath: "x/pending-2026-02-27.xlsx", pending: q)?
            .hasPrefix("pending sheet pending-2026-02-27.xlsx (2026-02-27) is 80 days older") == true)
        #expect(SheetFreshness.pendingNote(participating: q, pendingPath: "x", pending: q) == nil)
        #expect(SheetFreshness.today(environment: ["GEO287_TODAY": "2026-12-01"]) == SignedDate(iso: "2026-12-01"))
    }
}

/// CI sets GEO287_REQUIRE_FULL_DATA=1: there, a run without the full reference data fails
/// here instead of passing with skipped tests.
@Suite struct FullDataGuardTests {
    @Test func fullDataIsPresentWhereRequired() {
        #expect(!ReferenceData.fullDataRequired || ReferenceData.hasFullData,
                "GEO287_REQUIRE_FULL_DATA=1 but \(ReferenceData.fullCandidate) lacks the full data")
    }
}
