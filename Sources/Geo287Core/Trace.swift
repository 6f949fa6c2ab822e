import Foundation

/// Phase timings on stderr when `GEO287_TRACE` is set (for profiling; silent otherwise).
/// Safe to call from any thread: the clock of the last mark is behind a lock.
public enum Trace {
    static let enabled = ProcessInfo.processInfo.environment["GEO287_TRACE"] != nil
    private static let clock = Clock()

    /// Starts the clock (the first mark's time counts from here; else from the first mark).
    public static func start() {
        guard enabled else { return }
        _ = clock
    }

    public static func mark(_ phase: String) {
        guard enabled else { return }
        let elapsed = clock.lap()
        StandardOutput.error("[trace] \(phase) \(String(format: "%.1f", elapsed * 1000)) ms\n")
    }

    private final class Clock: @unchecked Sendable {
        // @unchecked: `last` is only read and written under `lock`.
        private var last = Date()
        private let lock = NSLock()

        func lap() -> TimeInterval {
            lock.lock()
            defer { lock.unlock() }
            let now = Date()
            defer { last = now }
            return now.timeIntervalSince(last)
        }
    }
}
