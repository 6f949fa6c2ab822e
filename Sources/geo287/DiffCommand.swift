import ArgumentParser
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287History
import Geo287Sheets

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two ICE sheets: added, removed, renewed and changed agreements.",
        discussion: """
        Agreements are matched by state, normalized agency name and model, so spelling variants \
        (apostrophes, spacing, Dept/Department, Sheriff's/Sheriffs) are the same agreement. Renewed: \
        the signed date moved forward. Changed: county, MOA link, agency type, a corrected signed date, \
        or a corrected agency name (same state, model and signed date, names within two edits). \
        Switched: an agency's row of one model replaced by another model. Link-filled: the only change \
        is a document link filled in where the MOA cell read `link pending`. People: covered people \
        per model and under any model, nationally and per state, before and after (places method, \
        as `coverage`), and which agreements moved them (the agreements reaching the counties whose \
        people changed); --no-people skips this and needs no Census data. Table and JSON give the \
        counts and people first, then the agreements; CSV gives the same in one table, a `record` \
        column telling count, people, mover and agreement rows apart. OLD and NEW are files, or \
        names in <data>/ice/.
        """)

    @OptionGroup var root: DataRootOption

    @Argument(help: "The older sheet.") var old: String
    @Argument(help: "The newer sheet.") var new: String

    @Option(help: "Output format.") var format: TableFormat = .table

    @Option(help: "Only the agreements and people of this state: \(StateChoice.spellings).")
    var state: StateChoice?

    @Flag(name: .customLong("no-people"), help: "Skip the people covered (no Census data needed).")
    var noPeople = false

    @Option(name: .customLong("out"), help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    func run() throws {
        // Sheets given as paths need no data root.
        let dataRoot = try? root.resolve()
        let paths = try [(old, "<old>"), (new, "<new>")].map { value, name in
            try SheetOption.resolve(value, root: dataRoot, argument: name)
        }
        let sheets = (old: try SheetReader.read(path: paths[0]), new: try SheetReader.read(path: paths[1]))
        let whole = SheetDiff(old: sheets.old, new: sheets.new)
        let usps = state?.usps
        let diff = usps.map { whole.restricted(to: $0) } ?? whole
        var people: SheetDiffPeople?
        if !noPeople {
            let run = CoverageRun(gazetteer: try Gazetteer.load(try root.resolve()))
            let computed = try SheetDiffPeople(diff: whole, old: try run.matchedSheet(sheets.old), new: try run.matchedSheet(sheets.new),
                                               run: run)
            people = usps.map { computed.restricted(to: $0) } ?? computed
        }
        switch format {
        case .csv: try emit(SheetDiffOutput.csv(diff, people: people), to: out)
        case .json: try emit(SheetDiffOutput.json(diff, people: people).rendered() + "\n", to: out)
        case .table: try emitText(SheetDiffOutput.table(diff, people: people, state: usps), to: out)
        }
    }
}
