import Foundation
import Geo287Core

/// A one-line progress display on stderr (`label done/total, elapsed`), redrawn in place. Silent
/// when stderr is not a terminal or when `quiet`; never touches stdout.
final class BatchProgress: @unchecked Sendable {
    // @unchecked: `last` is only touched from the calling thread.
    let enabled: Bool
    private let start = Date()
    private var last = Date.distantPast
    private var shown = false

    init(quiet: Bool) { enabled = !quiet && isatty(2) == 1 }

    func update(_ label: String, _ done: Int, _ total: Int) {
        guard enabled else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(last) >= 0.1 else { return }
        last = now
        let line = String(format: "\r%@ %d/%d, %.1f s elapsed\u{1B}[K", label, done, total, now.timeIntervalSince(start))
        StandardOutput.error(line)
        shown = true
    }

    /// Ends the progress line.
    func finish(_ message: String? = nil) {
        guard enabled, shown || message != nil else { return }
        let text = "\r\u{1B}[K" + (message.map { $0 + "\n" } ?? "")
        StandardOutput.error(text)
        shown = false
    }
}
