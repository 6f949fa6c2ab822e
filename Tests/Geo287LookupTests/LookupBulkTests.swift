import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Sheets
import Geo287TestSupport
import Testing
@testable import Geo287Lookup

@Suite struct LookupBulkTests {
    /// Deterministic points (SplitMix64) in a box over Florida, Georgia, Alabama and the Gulf.
    static func points(_ n: Int) -> [Coordinate] {
        var state: UInt64 = 287
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        return (0..<n).map { _ in Coordinate(-88.0 + 8.0 * next(), 24.5 + 9.0 * next()) }
    }

    @Test func bulkAssignmentsEqualSingleLookups() throws {
        let root = LookupFixtures.root
        let counties = try CensusLayers.counties(root)
        var pts = Self.points(300)
        pts.append(Coordinate(-82.4572, 27.9506))   // Tampa
        pts.append(Coordinate(-81.25, 26.05))       // unincorporated Collier
        if let v = LookupBorderTests.sharedVertex(counties, "12057", "12101") { pts.append(v) }
        let cache = PlaceCache(root: root)
        let bulk = try BulkCountyPlaceLocator(counties: counties, threads: 2) { fips in try cache.places(fips) }
        let single = try SinglePointLocator(counties: counties) { fips, _ in try cache.places(fips) }
        let a = try bulk.locate(pts)
        let b = try single.locate(pts)
        #expect(a == b)
        #expect(a.filter { $0.countyGEOID != nil }.count > 150)
        // The compact place layer has polygons only for agreement places: fewer random points land in one.
        #expect(a.filter { $0.placeGEOID != nil }.count > (ReferenceData.hasFullData ? 10 : 3))
        #expect(a[300] == PointAssignment(countyGEOID: "12057", placeGEOID: "1271000"))
        // The single lookup reads only the polygons whose box holds the point: same answer.
        let session = try LookupFixtures.session()
        for i in [300, 301] + Array(0..<300).filter({ a[$0].placeGEOID != nil }).prefix(8) {
            #expect(try session.lookup(point: pts[i]).location.assignment == a[i])
        }
    }

    @Test func csvRowsKeepTheirColumnsAndBadRowsAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-lookup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("points.csv").path
        let lines = [
            "name,lat,lon", "\"Tampa, city hall\",27.9506,-82.4572", "gulf,26.0,-87.0", "broken,abc,-80",
            "\"Collier \"\"inland\"\"\",26.05,-81.25", "la,34.05,-118.25", "off,95,10",
            // Latitude and longitude swapped: Tampa (both in range), Los Angeles (latitude -118).
            "tampa swapped,-82.4572,27.9506", "la swapped,-118.25,34.05",
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: csv))
        let sheet = try SheetReader.read(path: LookupFixtures.newestSheet)
        let out = try LookupBulk(root: LookupFixtures.root, sheet: sheet, pendingSheet: nil).run(csvPath: csv)
        // Only the row whose latitude is not a number is left out; out-of-range rows are kept and flagged.
        #expect(out.bad.map(\.row) == [4])
        #expect(out.rows == 7 && out.outside == 4)
        #expect(out.checks == [.ok, .outsideUS, .ok, .ok, .outOfRange, .swapped, .swapped])
        let rows = DelimitedText.rows(String(decoding: out.csv, as: UTF8.self))
        let header = rows[0]
        #expect(header.prefix(4) == ["name", "lat", "lon", "state"])
        func col(_ r: [String], _ name: String) -> String { header.firstIndex(of: name).map { r[$0] } ?? "?" }
        #expect(rows.count == 8)
        #expect(header.last == "coordinate_check")
        #expect(rows.dropFirst().map { $0.last ?? "" } == ["ok", "outside-us", "ok", "ok", "out-of-range", "swapped", "swapped"])
        #expect(col(rows[6], "state") == "" && col(rows[7], "county") == "")
        #expect(rows[1][0] == "Tampa, city hall" && col(rows[1], "county_fips") == "12057" && col(rows[1], "place_geoid") == "1271000")
        #expect(col(rows[1], "agreements") == "14" && col(rows[1], "tfm_count") == "13" && col(rows[1], "wso_count") == "1")
        #expect(col(rows[1], "tfm_agencies").contains("Tampa Police Department"))
        #expect(col(rows[2], "state") == "" && col(rows[2], "agreements") == "0")
        #expect(rows[3][0] == "Collier \"inland\"" && col(rows[3], "county_fips") == "12021" && col(rows[3], "jem_agencies") == "Collier County Sheriff's Office")
        #expect(col(rows[4], "state") == "CA" && col(rows[4], "agreements") == "0")
        // Same answer as the single lookup for each located row.
        let single = try LookupFixtures.session().lookup(point: Coordinate(-82.4572, 27.9506))
        #expect(single.entries(.covers).count == 14)
    }
}

/// Full place polygons per state, read once and shared by both locators in the test.
final class PlaceCache: @unchecked Sendable {
    // @unchecked: `cache` is guarded by `lock`; the places are immutable values.
    let root: DataRoot
    private let lock = NSLock()
    private var cache: [String: [Place]] = [:]
    init(root: DataRoot) { self.root = root }
    func places(_ fips: String) throws -> [Place] {
        lock.lock()
        defer { lock.unlock() }
        if let p = cache[fips] { return p }
        let p = try CensusLayers.places(root, stateFIPS: fips)
        cache[fips] = p
        return p
    }
}
