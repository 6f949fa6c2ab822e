import ArgumentParser
import Foundation
import Geo287Core
import Geo287Fetch

struct DataFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download the Census files and ICE sheets into the data root.",
        discussion: """
        census   the Census Bureau's files of the catalog (official URLs), each checked against the \
        catalog's SHA-256; zips are unpacked to the files the catalog lists. The place × county \
        crosswalk (Geocorr 2022, an interactive form) cannot be fetched.
        ice      the participating and pending sheets linked from ICE's 287(g) page, stored as \
        ice/participating-YYYY-MM-DD.xlsx / ice/pending-YYYY-MM-DD.xlsx (UTC date of the workbook's \
        docProps modified time, else the date in ICE's file name); with --history, every capture of \
        ICE's sheet URLs in the Internet Archive too (captures that are not readable sheets are kept \
        in ice/unrecognized/).
        places   the TIGER/Line 2019 place zips of the states given with --state (USPS or FIPS codes, \
        repeated or comma-separated, or all), kept as zips in census/places/tiger2019/.
        all      census and ice; place zips only with --with-places (all states) or --state.

        Files already present with the same bytes are skipped; nothing is ever half-written, and an \
        ICE sheet never overwrites a different file. Transient failures (timeouts, lost connections, \
        HTTP 5xx and 429, truncated bodies) are retried after 1 s and 2 s; requests to one host are \
        at least 1 s apart.
        """
    )

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case census, ice, places, all
    }

    @Argument(help: "What to fetch: census, ice, places or all.")
    var target: Target

    @Option(name: .customLong("state"), help: "places: states (\(StateChoice.spellings)), repeatable or comma-separated, or all.")
    var states: [String] = []

    @Flag(help: "ice: also every Internet Archive capture of ICE's sheets.")
    var history = false

    @Flag(name: .customLong("with-places"), help: "all: also the place zips of every state (~125 MB).")
    var withPlaces = false

    @Flag(name: .customLong("dry-run"), help: "List what would be fetched (URL → path); download no file, write nothing.")
    var dryRun = false

    @Option(help: "Fetch the same paths from another host (e.g. http://127.0.0.1:8080).")
    var mirror: String?

    @Option(help: "Seconds to wait for an answer (or for the next bytes) before retrying.")
    var timeout: Double = 60

    @Option(name: .customLong("polite-delay"), help: "Seconds between two requests to one host.")
    var politeDelay: Double = 1

    @OptionGroup var root: DataRootOption

    func validate() throws {
        guard timeout.isFinite, timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        guard politeDelay.isFinite, politeDelay >= 0 else { throw ValidationError("--polite-delay must be 0 or more seconds") }
        if let mirror {
            do { _ = try MirrorRewrite.parse(mirror) } catch let error as DataError { throw ValidationError(error.description) }
        }
        if history, target != .ice, target != .all { throw ValidationError("--history goes with ice or all") }
        if withPlaces, target != .all { throw ValidationError("--with-places goes with all (use places --state for places)") }
        if target == .places, states.isEmpty {
            throw ValidationError("places: name the states with --state (e.g. --state FL, --state 12,13 or --state all)")
        }
        if target == .census || target == .ice, !states.isEmpty { throw ValidationError("--state goes with places or all") }
        _ = try stateCodes()
    }

    /// The `--state` values as FIPS codes (or `all`), read by the one state parser every
    /// command uses.
    private func stateCodes() throws -> [String] {
        try states.flatMap { $0.split(separator: ",") }.map { raw in
            let value = raw.trimmingCharacters(in: .whitespaces)
            if value.lowercased() == "all" { return "all" }
            guard let state = StateChoice.parse(value) else { throw StateChoice.invalid(value) }
            return state.fips
        }
    }

    func run() throws {
        var settings = FetchSettings()
        settings.timeout = timeout
        settings.politeDelay = politeDelay
        settings.dryRun = dryRun
        if isatty(STDERR_FILENO) != 0 {
            settings.progress = { label in ProgressBar(label: label) }
        }
        settings.mirror = try mirror.map(MirrorRewrite.parse)
        let placeStates = try plannedStates()
        let session = FetchSession(root: try dataRoot(), settings: settings)
        Interruption.shared.install()
        do {
            try fetch(session, placeStates: placeStates)
        } catch {
            let r = session.report
            if !(r.fetched.isEmpty && r.skipped.isEmpty && r.unrecognized.isEmpty) {
                try? write(r.render(dryRun: dryRun))
            }
            throw error
        }
        try write(session.report.render(dryRun: dryRun))
    }

    private func fetch(_ session: FetchSession, placeStates: [USState]) throws {
        if target == .census || target == .all {
            try CensusFetcher.fetchCatalog(in: session)
        }
        if target == .ice || target == .all {
            try ICEFetcher.fetchCurrent(in: session)
            if history { try ICEFetcher.fetchHistory(in: session) }
        }
        try PlaceFetcher.fetch(placeStates, in: session)
    }

    /// The states whose place zips are fetched (`validate` checked which options go with which target).
    private func plannedStates() throws -> [USState] {
        switch target {
        case .places: return try PlaceDownloads.states(try stateCodes())
        case .all: return withPlaces ? PlaceDownloads.allStates : states.isEmpty ? [] : try PlaceDownloads.states(try stateCodes())
        case .census, .ice: return []
        }
    }

    /// `--data DIR` may name a folder that does not exist yet: fetch creates it (not in a dry run).
    private func dataRoot() throws -> DataRoot {
        if let path = root.data, !path.isEmpty, !FileManager.default.fileExists(atPath: path) {
            if dryRun { return DataRoot(url: URL(fileURLWithPath: path), source: .option) }
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw DataError.io(path, "cannot create the data root (\(error.localizedDescription))")
            }
        }
        return try root.resolve()
    }

    private func write(_ text: String) throws {
        try StandardOutput.write(TerminalText.escape(text))
    }
}
