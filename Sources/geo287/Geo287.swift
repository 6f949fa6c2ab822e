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
        Run `geo287 data status` to see which datasets are present.
        """,
        version: Geo287Version.string,
        subcommands: [
            DataCommand.self, AgreementsCommand.self, SummaryCommand.self, MatchCommand.self, CoverageCommand.self,
            MapCommand.self, LookupCommand.self,
            DiffCommand.self, HistoryCommand.self, BatchCommand.self,
        ]
    )
}
