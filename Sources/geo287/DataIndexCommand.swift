import ArgumentParser
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Sheets

/// `geo287 data index`: builds the derived cache for a data root (what `make setup` runs), so
/// the first `coverage` or `match` is as fast as the next ones.
struct DataIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the derived cache (compact Census tables, the sheet matched) for fast coverage and match.",
        discussion: """
        Writes to $GEO287_CACHE, else $XDG_CACHE_HOME/geo287, else ~/.cache/geo287 (never into the \
        data root): the county layer, population table and crosswalk as one compact table, and the \
        sheet (default: the newest) read, matched and joined as coverage and match need it, and \
        every sheet of the root's ice/ folder read, as history and batch need them. Entries \
        are checked against their inputs on every use and rebuilt when one changed. It then \
        removes the entries no run can read again: those of an input file that no longer \
        exists, and those another geo287 build made over 14 days ago. \
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
        let archive = try readArchive(dataRoot.path("ice"), cache: cache)
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        guard FileManager.default.isWritableFile(atPath: folder) else {
            // Not an error: every command runs without the cache, only slower.
            return try emitText("derived cache: \(folder) cannot be written; commands run without it (\(seconds) s)\n", to: nil)
        }
        let pruned = cache.prune()
        let removed = pruned.entries == 0 ? ""
            : "; \(pruned.entries) stale entr\(pruned.entries == 1 ? "y" : "ies") removed (\(String(format: "%.1f", Double(pruned.bytes) / 1e6)) MB)"
        try emitText("derived cache: \(folder): Census tables of \(dataRoot.url.path) and \(path) matched, \(archive), ready (\(seconds) s)\(removed)\n", to: nil)
    }

    /// Every sheet of the archive folder read into the cache (two at a time); a sheet that cannot
    /// be read is counted, not an error here (`history` names it when it meets it).
    func readArchive(_ folder: String, cache: DerivedCache) throws -> String {
        let paths = (try? SheetReader.sheetPaths(inFolder: folder)) ?? []
        // The sheets share one memo: a row another sheet already had is not built again.
        let memo = AgreementMemo()
        let read = try Parallel.map(paths, threads: 2) { p in (try? SheetReader.read(path: p, cache: cache, memo: memo)) != nil }
        let failed = read.filter { !$0 }.count
        return "\(read.count - failed) sheets of \(folder) read" + (failed > 0 ? " (\(failed) could not be read)" : "")
    }
}
