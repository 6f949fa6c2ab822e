import ArgumentParser
import Foundation
import Geo287Core

/// Options every data-reading subcommand shares.
struct DataRootOption: ParsableArguments {
    @Option(name: .customLong("data"), help: "Data root (default: $GEO287_DATA, else ./shapefiles).")
    var data: String?

    func resolve() throws -> DataRoot {
        try DataRoot.resolve(explicit: data, environment: ProcessInfo.processInfo.environment)
    }
}

/// Writes command output to a file (atomically) or to standard output.
func emit(_ text: String, to path: String?) throws {
    if let path {
        try AtomicFile.write(Data(text.utf8), to: path)
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// One line on standard error, prefixed like the errors (`geo287: note: ...`).
func warn(_ note: String) {
    FileHandle.standardError.write(Data("geo287: note: \(note)\n".utf8))
}
