import ArgumentParser
import Foundation
import Geo287Core

/// The `geo287` command line: a thin layer over the Geo287* libraries.
@main
struct Geo287: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geo287",
        abstract: "287(g) agreements joined to Census geography: coverage, maps and lookups.",
        discussion: """
        Data root: --data DIR, else $GEO287_DATA, else ./shapefiles. \
        Run `geo287 data status` to see which datasets are present. \
        Without --sheet, a command reads the newest participating sheet of the data root.

        Every error is one line on stderr, `geo287: error: <what is wrong>`. Exit codes: \
        \(ExitStatus.table).
        """,
        version: Geo287Version.string,
        subcommands: [
            DataCommand.self, AgreementsCommand.self, SummaryCommand.self, MatchCommand.self, CoverageCommand.self,
            MapCommand.self, LookupCommand.self, SiteCommand.self,
            DiffCommand.self, HistoryCommand.self, BatchCommand.self, ExportCommand.self,
        ]
    )

    /// Parses, runs, and turns every error, the parser's included, into one line on stderr and
    /// the exit status of `ExitStatus`; `--help` and `--version` print as usual.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        StandardOutput.prepare()
        Trace.start()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            fail(error, arguments: arguments)
        }
    }

    static func fail(_ error: Error, arguments: [String]) -> Never {
        let parserCode = exitCode(for: error)
        // Help, version, and an ExitCode a command chose after printing its own line.
        if error is CleanExit || error is ExitCode || parserCode == .success { exit(withError: error) }
        let status: ExitStatus, line: String
        if parserCode == .validationFailure {
            status = .usage
            line = ErrorReport.usageMessage(message(for: error), command: ErrorReport.commandPath(arguments, root: self))
        } else {
            status = ErrorReport.status(of: error)
            line = ErrorReport.message(of: error)
        }
        StandardOutput.error("geo287: error: \(TerminalText.escapeLine(line))\n")
        ProcessExit.now(status.rawValue)   // not exit(): background loads may still be running
    }
}
