import ArgumentParser
import Foundation
import Geo287Data

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Inspect the data root.",
        subcommands: [DataStatusCommand.self]
    )
}

struct DataStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List every dataset geo287 uses: present, missing or checksum mismatch.",
        discussion: "Exits non-zero when a required dataset is missing or damaged."
    )

    @OptionGroup var root: DataRootOption

    @Flag(name: .customLong("no-checksums"), help: "Only check that files exist (skip SHA-256).")
    var noChecksums = false

    func run() throws {
        try runReportingErrors {
            let dataRoot = try root.resolve()
            let statuses = DataCatalog.status(of: dataRoot, verifyChecksums: !noChecksums)
            var out = "data root: \(dataRoot.url.path) (from \(dataRoot.source.rawValue))\n"
            for s in statuses {
                let need = s.dataset.required ? "required" : "optional"
                out += "\(s.state.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(s.dataset.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(need)  \(s.dataset.title), \(s.dataset.vintage); \(s.files.count) file(s)\n"
                for f in s.files where f.state != .present {
                    out += "    \(f.state.rawValue): \(f.path)\n"
                }
            }
            try emit(out, to: nil)
            let broken = statuses.filter { $0.dataset.required && !$0.isUsable }
            if !broken.isEmpty {
                FileHandle.standardError.write(Data("geo287: error: required data missing or damaged: \(broken.map(\.dataset.id).joined(separator: ", "))\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
