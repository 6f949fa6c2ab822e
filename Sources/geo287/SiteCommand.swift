import ArgumentParser
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Site

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "A static web site (English and Spanish): is my police or sheriff in a 287(g) agreement?",
        discussion: """
        Writes plain files that open from file:// or any static host and send no request anywhere: \
        a national page and one page per state with a search box (city, town, county, state, agency), \
        a "use my location" button (the point is located in the page, never sent), an interactive \
        Task Force map, the three models explained, the state policy picture (June 2025), \
        downloads (GeoJSON, CSV, SVG) and an <iframe> line for each map. The folder is replaced \
        as a whole. Default: outputs/site.
        """)

    @OptionGroup var root: DataRootOption
    @OptionGroup var sheet: SheetOption

    @Option(name: .customLong("out"), help: "Site folder (replaced as a whole). Default: outputs/site.")
    var out: String = "outputs/site"

    @Option(help: "Worker threads.")
    var threads: Int = 2

    func validate() throws {
        try WorkerThreads.validate(threads)
    }

    func run() throws {
        let dataRoot = try root.resolve()
        let gazetteer = Prefetch { try Gazetteer.load(dataRoot) }
        let inputs = try sheet.loadWithPending(dataRoot, includePending: true)
        let run = CoverageRun(gazetteer: try gazetteer.value(), threads: threads)
        let site = SiteInputs(run: run, participating: try run.matchedSheet(inputs.participating),
                              pending: try inputs.pending.map { try run.matchedSheet($0) })
        let files = try SiteBuilder.files(site, threads: threads)
        try SiteBuilder.write(files, to: out)
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        let shown = TerminalText.escapeLine(out)
        StandardOutput.error("geo287: wrote \(shown)/ (\(files.count) files, \(NumberText.grouped(bytes)) bytes); open \(shown)/index.html\n")
    }
}
