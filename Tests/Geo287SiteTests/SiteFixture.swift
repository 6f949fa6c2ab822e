import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Sheets
@testable import Geo287Site
import Geo287TestSupport

/// The site built once per test run from the **embedded** data root (what a fresh clone has),
/// from its newest participating sheet and the pending sheet listed with it.
enum SiteFixture {
    static let root = ReferenceData.embedded

    struct Built: Sendable {
        let files: [SiteBuilder.File]
        let folder: URL
        let sheetPath: String
    }

    static let built: Result<Built, DataError> = {
        do {
            let files = try build()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-site-\(ProcessInfo.processInfo.processIdentifier)")
            try SiteBuilder.write(files, to: folder.path)
            return .success(Built(files: files, folder: folder, sheetPath: try newestSheet()))
        } catch let e as DataError {
            return .failure(e)
        } catch {
            return .failure(DataError("site", "\(error)"))
        }
    }()

    static func site() throws -> Built { try built.get() }

    static func newestSheet() throws -> String {
        try SheetCatalog(root: root).participating(asOf: nil).path
    }

    static func build() throws -> [SiteBuilder.File] {
        let gazetteer = try Gazetteer.load(root)
        let participating = try SheetReader.read(path: try newestSheet())
        let pending = try SheetCatalog(root: root).pendingSheet(for: participating)
        let run = CoverageRun(gazetteer: gazetteer, threads: 2)
        let inputs = SiteInputs(run: run, participating: try run.matchedSheet(participating),
                                pending: try pending.map { try run.matchedSheet($0) })
        return try SiteBuilder.files(inputs)
    }
}
