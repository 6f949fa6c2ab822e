import ArgumentParser
import Foundation
import Geo287Census

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Inspect the data root.",
        subcommands: [DataStatusCommand.self, DataDeriveCommand.self, DataFetchCommand.self, DataIndexCommand.self]
    )
}

struct DataStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List every dataset geo287 uses: present, missing or checksum mismatch.",
        discussion: "Exits 66 when a required dataset is missing, 65 when one is damaged (checksum mismatch)."
    )

    @OptionGroup var root: DataRootOption

    @Flag(name: .customLong("no-checksums"), help: "Only check that files exist (skip SHA-256).")
    var noChecksums = false

    func run() throws {
        let dataRoot = try root.resolve()
        let statuses = DataCatalog.status(of: dataRoot, verifyChecksums: !noChecksums)
        var out = "data root: \(dataRoot.url.path) (from \(dataRoot.source.rawValue))\n"
        let usable = Set(statuses.filter(\.isUsable).map(\.dataset.id))
        for s in statuses {
            let need = s.dataset.required ? "required" : "optional"
            let standIn = s.isUsable ? nil : s.dataset.satisfiedBy.first(where: usable.contains)
            let state = standIn.map { _ in "stood in for" } ?? s.state.rawValue
            out += "\(state.padding(toLength: 17, withPad: " ", startingAt: 0)) \(s.dataset.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(need)  \(s.dataset.title), \(s.dataset.vintage); \(s.files.count) file(s)\n"
            if let standIn {
                out += "    by \(standIn); for the full files: \(FetchHint.command(for: s.dataset.id))\n"
                continue
            }
            let bad = s.files.filter { $0.state != .present }
            for f in bad.prefix(5) { out += "    \(f.state.rawValue): \(f.path)\n" }
            if bad.count > 5 { out += "    ... and \(bad.count - 5) more\n" }
            if !bad.isEmpty { out += "    get it with: \(FetchHint.command(for: s.dataset.id))\n" }
        }
        try emitText(out, to: nil)
        let broken = DataCatalog.unmet(statuses)
        if !broken.isEmpty {
            // Missing wins over damaged: fetching brings both back.
            let missing = broken.contains { $0.files.contains { $0.state == .missing } }
            throw CommandFailure(missing ? .noInput : .dataError,
                                 "required data missing or damaged: \(broken.map(\.dataset.id).joined(separator: ", "))")
        }
    }
}
