import Foundation

/// Errors from reading input files. Every case renders as one line that names the file
/// (and row or field where there is one) and says what is wrong. `kind` says which of the
/// command line's exit codes it is (bad input, missing input, I/O, bad usage).
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// The file is there but its content is wrong (the default).
        case malformed
        /// A file, folder or dataset that is not there.
        case missing
        /// Reading or writing failed (permissions, disk, network).
        case io
        /// A value given on the command line (`path` names the option).
        case usage
    }

    public let path: String
    public let message: String
    public let kind: Kind

    public init(_ path: String, _ message: String, kind: Kind = .malformed) {
        self.path = path
        self.message = message
        self.kind = kind
    }

    public static func missing(_ path: String, _ message: String) -> DataError { DataError(path, message, kind: .missing) }
    public static func io(_ path: String, _ message: String) -> DataError { DataError(path, message, kind: .io) }
    public static func usage(_ option: String, _ message: String) -> DataError { DataError(option, message, kind: .usage) }

    /// A file that could not be read: missing when it is not there, else an I/O failure.
    public static func unreadable(_ path: String) -> DataError {
        FileManager.default.fileExists(atPath: path) ? .io(path, "cannot read file") : .missing(path, "file not found")
    }

    public var description: String { "\(path): \(message)" }
}
