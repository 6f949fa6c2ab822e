import ArgumentParser
import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Lookup
import Geo287Sheets

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Which 287(g) agreements cover a point, a county or a city.",
        discussion: """
        Give one of --point LAT,LON, --county "Collier County, FL", --place "Tampa, FL" or \
        --points FILE.csv. The answer comes in plain words: yes or no for your police department, \
        your sheriff and statewide agencies, then each agreement under its model explained in one \
        sentence, then requests not yet signed. --place also takes everyday names (Nashville, \
        Honolulu) and Pennsylvania or New Jersey townships and boroughs (\"Stowe Township, PA\"); \
        a misspelling gets suggestions; a point near a county line says how near. An agreement covers a location when its jurisdiction contains it: \
        statewide agencies the whole state, a sheriff the county, a police department its city. \
        Jails, campuses and prosecutors are listed as facilities, not as coverage. \
        Border rule: \(BorderRule.statement). \
        --points streams a CSV of any size with lat and lon columns (others kept), in input \
        order, and writes one row per good \
        input row with state, county_fips, county, place_geoid, place and per model \
        (jem, wso, tfm) the count and names of the covering agencies, and coordinate_check \
        (ok, outside-us, swapped, out-of-range); rows whose coordinates are not numbers go to stderr.
        """)

    @OptionGroup var root: DataRootOption
    @OptionGroup var sheet: SheetOption

    @Option(parsing: .unconditional, help: "A point: latitude,longitude in decimal degrees (e.g. 27.9506,-82.4572).")
    var point: String?

    @Option(help: "A county: \"Name County, ST\".")
    var county: String?

    @Option(help: "A city, town or CDP: \"Name, ST\".")
    var place: String?

    @Option(help: "A CSV file with lat and lon columns.")
    var points: String?

    @Flag(name: .customLong("include-pending"), help: "Also list pending (requested, not yet signed) agreements.")
    var includePending = false

    @Option(help: "Output format of a single lookup (--points writes CSV).")
    var format: Format = .text

    @Option(help: "Worker threads for --points.")
    var threads: Int = 2

    @Option(name: .customLong("out"), help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        let given = [point, county, place, points].compactMap { $0 }.count
        if given != 1 { throw ValidationError("give exactly one of --point, --county, --place or --points") }
        try WorkerThreads.validate(threads)
    }

    func run() throws {
        let dataRoot = try root.resolve()
        Trace.mark("start")
        let path = try sheet.path(dataRoot)
        if let points { return try bulk(points, root: dataRoot, sheetPath: path) }
        let session = try LookupSession(root: dataRoot, sheetPath: path, includePending: includePending)
        let result: LookupResult
        if let point {
            result = try session.lookup(point: try LookupQuery.coordinate(point))
        } else if let county {
            result = try session.lookup(county: county)
        } else if let place {
            result = try session.lookup(place: place)
        } else {
            throw ValidationError("give exactly one of --point, --county, --place or --points")
        }
        if format == .json { try emit(LookupJSON.render(result), to: out) } else { try emitText(LookupText.render(result), to: out) }
        Trace.mark("output")
    }

    func bulk(_ csv: String, root: DataRoot, sheetPath: String) throws {
        let cache = DerivedCache.fromEnvironment()
        let sheet = try SheetReader.read(path: sheetPath, cache: cache)   // decoded, not parsed, when its entry is valid
        let pending = try includePending ? LookupSession.pendingSheet(root: root, for: sheet) : nil
        Trace.mark("sheets")
        let bulk = LookupBulk(root: root, sheet: sheet, pendingSheet: pending, threads: threads, cache: cache)
        let skipped: (LookupBulk.BadRow) -> Void = { StandardOutput.error(TerminalText.escape("geo287: lookup: \(csv): \($0) (skipped)\n")) }
        var output = LookupBulk.Summary()
        if let out {
            try AtomicFile.write(to: out) { tmp in
                let file = try StreamingFile(path: tmp.path, name: out)
                do {
                    output = try bulk.stream(csvPath: csv, write: { try file.write($0) }, badRow: skipped)
                    try file.close()
                } catch {
                    try? file.close()
                    throw error
                }
            }
        } else {
            output = try bulk.stream(csvPath: csv, write: { try StandardOutput.write($0) }, badRow: skipped)
        }
        let swapped = output.count(.swapped), outOfRange = output.count(.outOfRange)
        StandardOutput.error("geo287: lookup: \(output.rows) rows located (\(output.outside) outside any US county: \(swapped) look swapped, "
            + "\(outOfRange) out of range; see the coordinate_check column), \(output.badRows) bad rows skipped\n")
        if USState.all.contains(where: { CensusLayers.placeSource(root, stateFIPS: $0.fips)?.layer == .compact }) {
            warn("this data root's place layer is the compact one (city boundaries of agreement cities only): an empty place column means \"in no agreement city\", not unincorporated; `geo287 data fetch places --state XX` gets every city boundary.")
        }
        Trace.mark("written")
    }
}
