import ArgumentParser
import Foundation
import Geo287Core
import Geo287Geometry
import Geo287Lookup

/// The exit codes of every geo287 command (BSD sysexits where one fits):
///
/// | code | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | any other failure (writing a file, the network, an internal error) |
/// | 64 | bad usage: an unknown option, a missing or bad value, options that do not go together (EX_USAGE) |
/// | 65 | bad input data: a file that is there but malformed (EX_DATAERR) |
/// | 66 | missing input: a file, a folder or a dataset that is not there (EX_NOINPUT) |
enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    case failure = 1
    case usage = 64
    case dataError = 65
    case noInput = 66

    var meaning: String {
        switch self {
        case .success: "success"
        case .failure: "any other failure (writing a file, the network)"
        case .usage: "bad usage (an unknown option, a bad or missing value)"
        case .dataError: "bad input data (a file that is there but malformed)"
        case .noInput: "missing input (a file, folder or dataset that is not there)"
        }
    }

    /// The table as the root command's help prints it.
    static var table: String {
        allCases.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: "; ")
    }
}

/// An error the CLI raises itself with its exit status (e.g. `data status` finding required
/// data missing).
struct CommandFailure: Error, CustomStringConvertible {
    let status: ExitStatus
    let description: String

    init(_ status: ExitStatus, _ description: String) {
        self.status = status
        self.description = description
    }
}

/// Turns any error a command throws into its one line and its exit status.
enum ErrorReport {
    /// The exit status of a library or CLI error (parser errors are `.usage`).
    static func status(of error: Error) -> ExitStatus {
        switch error {
        case let e as CommandFailure: return e.status
        case let e as DataError: return status(of: e)
        case is LookupError: return .usage  // the place, county or point the user gave
        case let e as GeometryError:
            if case .invalidInput = e { return .dataError }
            return .failure
        case is ValidationError: return .usage
        default: return .failure
        }
    }

    /// `DataError` says which kind of failure it is; a download's error (its path is a URL) is
    /// a network failure whatever its kind.
    static func status(of error: DataError) -> ExitStatus {
        if error.path.contains("://") && error.kind != .usage { return .failure }
        switch error.kind {
        case .usage: return .usage
        case .missing: return .noInput
        case .io: return .failure
        case .malformed: return .dataError
        }
    }

    /// The longest error line printed: a message quoting a huge field from a damaged file is cut.
    static let lineLimit = 2_000

    /// The error as one line (no line breaks, at most `lineLimit` characters), without the
    /// `geo287: error: ` prefix.
    static func message(of error: Error) -> String {
        let line = fullMessage(of: error)
        guard line.count > lineLimit else { return line }
        return String(line.prefix(lineLimit)) + "… (cut at \(NumberText.grouped(lineLimit)) characters)"
    }

    static func fullMessage(of error: Error) -> String {
        switch error {
        case let e as LookupError:
            guard !e.suggestions.isEmpty else { return oneLine(e.message) }
            let lead = e.kind == .ambiguous ? "which one:" : "did you mean:"
            return oneLine("\(e.message); \(lead) \(e.suggestions.joined(separator: "; "))?")
        case let e as CustomStringConvertible:
            return oneLine(e.description)
        default:
            return oneLine(error.localizedDescription)
        }
    }

    /// Joins the lines of a message with spaces; a bulleted list (`  - a`) becomes `a, b, c`.
    static func oneLine(_ text: String) -> String {
        var out = "", inList = false
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let bullet = line.hasPrefix("- ")
            let body = bullet ? String(line.dropFirst(2)) : line
            if out.isEmpty {
                out = body
            } else {
                out += bullet && inList ? ", " + body : " " + body
            }
            inList = bullet
        }
        return out
    }

    /// A parser error's message, with the spellings a value may take where the parser does not
    /// list them all (`--model`, `--state`) and where to read the command's usage.
    static func usageMessage(_ parserMessage: String, command: String) -> String {
        var message = oneLine(parserMessage)
        if message.contains("is invalid for '--model <"), !message.contains(ModelChoice.otherSpellings) {
            if message.hasSuffix(".") { message.removeLast() }
            message += "; \(ModelChoice.otherSpellings)"
        }
        if message.contains("is invalid for '--state <"), !message.contains(StateChoice.spellings) {
            message += ": give \(StateChoice.spellings)"
        }
        return message + " (see '\(command) --help')"
    }

    /// `geo287 data fetch` for `["data", "fetch", "ice", "--dry-run"]`: the subcommand the
    /// arguments name, for the usage hint.
    static func commandPath(_ arguments: [String], root: ParsableCommand.Type) -> String {
        var type = root, names = [root._commandName]
        for argument in arguments {
            guard let sub = type.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            names.append(argument)
            type = sub
        }
        return names.joined(separator: " ")
    }
}
