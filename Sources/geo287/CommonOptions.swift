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

/// Writes machine-readable command output (CSV, JSON, GeoJSON, SVG) to a file (atomically) or
/// to standard output (a failed write is an error, never a trap).
func emit(_ text: String, to path: String?) throws {
    if let path {
        try AtomicFile.write(Data(text.utf8), to: path)
    } else {
        try StandardOutput.write(text)
    }
}

/// Writes a text table or a plain-language answer: like `emit`, with control characters and
/// bidi overrides from the input escaped (`TerminalText`).
func emitText(_ text: String, to path: String?) throws {
    try emit(TerminalText.escape(text), to: path)
}

/// One line on standard error, prefixed like the errors (`geo287: note: ...`).
func warn(_ note: String) {
    StandardOutput.error("geo287: note: \(TerminalText.escapeLine(note))\n")
}
