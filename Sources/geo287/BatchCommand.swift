import ArgumentParser
import Foundation
import Geo287Core
import Geo287History

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Every published sheet as one reproducible dataset: county and agreement panels, history, manifest.",
        discussion: """
        Writes to FOLDER: county_panel.csv (one row per sheet × county × model and `all`, the \
        any-model union: population, covered people, share, covered_without_statewide, covering and \
        counted agreements, levels; every county, zeros included), agreements_panel.csv (one row per \
        sheet × agreement: stable agreement and agency ids, type, document link, jurisdiction, \
        whether and by which counting rule its residents are counted, first and last seen, status \
        active/renewed/ended, gaps), agreement_lifetimes.csv (one row per agreement), history.csv (as `geo287 history --format csv`) and manifest.json (geo287 \
        version, every input file with its SHA-256 — sheets and Census files —, population vintages, \
        options, outputs with their SHA-256). Every column is described in docs/codebook.md. \
        Re-running gives identical bytes. Progress on stderr \
        when it is a terminal, unless --quiet.
        """)

    @OptionGroup var root: DataRootOption

    @Option(help: "Folder of ICE sheets (default: <data>/ice).") var dir: String?
    @Option(help: "Output folder (created if needed).") var out: String
    @Option(help: "Worker threads.") var threads: Int = 2
    @Flag(help: "No progress display on stderr.") var quiet = false

    func validate() throws {
        try WorkerThreads.validate(threads)
    }

    func run() throws {
        let dataRoot = try root.resolve()
        let start = Date()
        let progress = BatchProgress(quiet: quiet)
        let summary = try BatchRun(root: dataRoot, folder: dir ?? dataRoot.path("ice"), threads: threads, cache: .fromEnvironment())
            .write(to: out, progress: progress.update)
        progress.finish(String(format: "%d sheets: %d county rows, %d agreement rows, %d inputs hashed; %d distinct agreements matched, %d rows reused; %.1f s",
                               summary.sheets, summary.countyRows, summary.agreementRows, summary.inputs,
                               summary.matchedRows, summary.reusedRows, Date().timeIntervalSince(start)))
    }
}
