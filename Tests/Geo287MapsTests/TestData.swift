import Foundation
import Geo287TestSupport
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Sheets

/// The real data root for tests: $GEO287_DATA, else ../shared/data beside the repository.
enum TestData {
    static let root: DataRoot = ReferenceData.root
}

/// The newest participating sheet, matched once and shared by every test (loading is the slow part).
struct Fixture: Sendable {
    let run: CoverageRun
    let matched: MatchedSheet
    let national: CoverageResult
    let florida: CoverageResult

    var gazetteer: Gazetteer { run.gazetteer }

    struct Failure: Error, Sendable { let message: String }

    static let shared: Result<Fixture, Failure> = Result { () throws(Failure) -> Fixture in
        do { return try load() } catch { throw Failure(message: "\(error)") }
    }

    static func load() throws -> Fixture {
        // Pinned to the README's newest sheet: a newer fetched sheet must not change these facts.
        let sheet = try SheetReader.read(path: TestData.root.path("ice/participating-2026-05-18.xlsx"))
        let run = CoverageRun(gazetteer: try Gazetteer.load(TestData.root), threads: 2)
        let matched = try run.matchedSheet(sheet)
        let national = try run.coverage(matched, pending: nil, options: CoverageOptions(model: .model(.taskForce)))
        let florida = try run.coverage(matched, pending: nil, options: CoverageOptions(model: .model(.taskForce), state: "FL"))
        return Fixture(run: run, matched: matched, national: national, florida: florida)
    }

    static func get() throws -> Fixture { try shared.get() }
}
