import ArgumentParser
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions

/// `geo287 data index`: builds the derived cache for a data root (what `make setup` runs), so
/// the first `coverage` or `match` is as fast as the next ones.
struct DataIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the derived cache (compact Census tables, the sheet matched) for fast coverage and match.",
        discussion: """
        Writes to $GEO287_CACHE, else $XDG_CACHE_HOME/geo287, else ~/.cache/geo287 (never into the \
        data root): the county layer, population table and crosswalk as one compact table, and the \
        sheet (default: the newest) read, matched and joined as coverage and match need it. Entries \
        are checked against their inputs on every use and rebuilt when one changed. \
        GEO287_CACHE=off disables the cache (this command then does nothing).
        """)

    @OptionGroup var root: DataRootOption
    @OptionGroup var sheet: SheetOption

    func run() throws {
        let cache = DerivedCache.fromEnvironment()
        guard let folder = cache.folder else {
            return try emitText("derived cache: off (GEO287_CACHE=off); nothing written\n", to: nil)
        }
        let dataRoot = try root.resolve()
        let started = Date()
        let run = CoverageRun(gazetteer: try Gazetteer.load(dataRoot, cache: cache))
        let path = try sheet.path(dataRoot)
        _ = try run.matchedSheet(path: path)
        _ = try run.matchedSheet(path: path, geometry: .all)
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        guard FileManager.default.isWritableFile(atPath: folder) else {
            // Not an error: every command runs without the cache, only slower.
            return try emitText("derived cache: \(folder) cannot be written; commands run without it (\(seconds) s)\n", to: nil)
        }
        try emitText("derived cache: \(folder): Census tables of \(dataRoot.url.path) and \(path) matched, ready (\(seconds) s)\n", to: nil)
    }
}
