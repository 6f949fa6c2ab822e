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

    @Option(help: "table, csv or json.") var format: String = "table"

    @Option(name: .customLong("out"), help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    func validate() throws {
        guard ["table", "csv", "json"].contains(format) else { throw ValidationError("--format must be table, csv or json, not '\(format)'") }
    }

    func run() throws {
        try runReportingErrors {
            let paths = try [old, new].map { value -> String in
                let inputs = try SheetInputs.resolve([value], root: root, defaultToFolder: false)
                guard inputs.single, let path = inputs.paths.first else { throw DataError(value, "give one sheet file, not a folder") }
                return path
            }
            let diff = SheetDiff(old: try SheetReader.read(path: paths[0]), new: try SheetReader.read(path: paths[1]))
            switch format {
            case "csv": try emit(SheetDiffOutput.csv(diff), to: out)
            case "json": try emit(SheetDiffOutput.json(diff).rendered() + "\n", to: out)
            default: try emit(SheetDiffOutput.table(diff), to: out)
            }
        }
    }
}
