import Foundation

import Geo287Core
import Geo287Fetch

/// A one-line progress bar on standard error for `data fetch`, for terminals only (the command
/// sets `FetchSettings.progress` when standard error is one). Redrawn at most ten times a second.
final class ProgressBar: TransferProgress, @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(label: String) { self.label = label }

    func update(received: Int64, expected: Int64?) {
        let line: String? = lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 else { return nil }
            lastDraw = now
            drawn = true
            return Self.render(label: label, received: received, expected: expected)
        }
        if let line { write("\r\u{1B}[K" + line) }
    }

    func finish() {
        let wasDrawn = lock.withLock { drawn }
        if wasDrawn { write("\r\u{1B}[K") }
    }

    static func render(label: String, received: Int64, expected: Int64?) -> String {
        let mb = { (n: Int64) in String(format: "%.1f MB", Double(n) / 1_000_000) }
        guard let expected, expected > 0 else { return "\(label)  \(mb(received))" }
        let fraction = min(1, Double(received) / Double(expected))
        let width = 30
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "\(label) [\(bar)] \(Int(fraction * 100))% \(mb(received))/\(mb(expected))"
    }

    private func write(_ text: String) {
        StandardOutput.error(text)
    }
}
