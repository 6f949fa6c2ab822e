/// What a fetch did, for the summary printed at the end (also after a failure, so the files
/// that did arrive are listed).
public struct FetchReport: Sendable {
    public struct Planned: Sendable, Equatable {
        public let url: String
        public let path: String
    }

    /// Paths (relative to the data root) written by this run.
    public internal(set) var fetched: [String] = []
    /// Paths already present with the right bytes.
    public internal(set) var skipped: [String] = []
    /// Downloads that are not readable sheets, kept under `ice/unrecognized/`, with the reason.
    public internal(set) var unrecognized: [(path: String, reason: String)] = []
    /// Dry run: what would be fetched.
    public internal(set) var planned: [Planned] = []
    public internal(set) var notes: [String] = []

    public init() {}

    /// The summary: counts first, then one line per path, then notes.
    public func render(dryRun: Bool) -> String {
        var out: String
        if dryRun {
            out = "dry run: would fetch \(planned.count), skip \(skipped.count) (already present); nothing written\n"
            for p in planned { out += "would fetch \(p.url) → \(p.path)\n" }
        } else {
            out = "fetched \(fetched.count), skipped \(skipped.count) (already present)"
            if !unrecognized.isEmpty { out += ", kept \(unrecognized.count) unrecognized" }
            out += "\n"
            for p in fetched { out += "fetched  \(p)\n" }
        }
        for p in skipped { out += "skipped  \(p)\n" }
        for u in unrecognized { out += "kept     \(u.path) (not a readable sheet: \(u.reason))\n" }
        for n in notes { out += "note: \(n)\n" }
        return out
    }
}
