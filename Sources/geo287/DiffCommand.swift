import ArgumentParser
import Foundation
import Geo287Core
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
        Table and JSON give counts per model and per state first, then the agreements; CSV gives one \
        row per agreement that differs. OLD and NEW are files, or names in <data>/ice/.
        """)

    @OptionGroup var root: DataRootOption

    @Argument(help: "The older sheet.") var old: String
    @Argument(help: "The newer sheet.") var new: String

    @Option(help: "Output format.") var format: TableFormat = .table

    @Option(name: .customLong("out"), help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    func run() throws {
        // Sheets given as paths need no data root.
        let dataRoot = try? root.resolve()
        let paths = try [(old, "<old>"), (new, "<new>")].map { value, name in
            try SheetOption.resolve(value, root: dataRoot, argument: name)
        }
        let diff = SheetDiff(old: try SheetReader.read(path: paths[0]), new: try SheetReader.read(path: paths[1]))
        switch format {
        case .csv: try emit(SheetDiffOutput.csv(diff), to: out)
        case .json: try emit(SheetDiffOutput.json(diff).rendered() + "\n", to: out)
        case .table: try emitText(SheetDiffOutput.table(diff), to: out)
        }
    }
}
