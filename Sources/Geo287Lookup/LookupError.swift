/// What can go wrong in a lookup, each as one line a community member can act on.
/// Suggestions (`did you mean …`) ride along so the command can print them after the line.
public struct LookupError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable { case malformed, unknownName = "unknown-name", ambiguous }
    public let kind: Kind
    public let message: String
    /// Candidate names, each printed on its own line (e.g. `Miami-Dade County, FL`).
    public let suggestions: [String]

    public init(_ kind: Kind, _ message: String, suggestions: [String] = []) {
        self.kind = kind
        self.message = message
        self.suggestions = suggestions
    }

    public var description: String {
        guard !suggestions.isEmpty else { return message }
        let lead = kind == .ambiguous ? "; which one?" : "; did you mean:"
        return message + lead + "\n" + suggestions.map { "  - \($0)" }.joined(separator: "\n")
    }
}
