/// Errors from reading input files. Every case renders as one line that names the file
/// (and row or field where there is one) and says what is wrong.
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    public let path: String
    public let message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
