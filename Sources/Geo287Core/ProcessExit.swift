import Foundation

/// Ending the process when a command fails or is interrupted. A command can fail while work it
/// started in the background is still running (a `Prefetch` loading the Census tables, a fetch on
/// other threads). `exit()` would run the C and C++ exit-time destructors of the libraries under
/// that work (OpenSSL's clean-up, PROJ's default context...) and crash it, turning a clear error
/// into a crash report. So the error line is written first (standard output and error are
/// unbuffered, see `StandardOutput`), C stdio is flushed, and the process ends with `_exit`.
public enum ProcessExit {
    public static func now(_ status: Int32) -> Never {
        fflush(nil)
        _exit(status)
    }

    /// Keeps `value` alive until the process ends, so large tables a command is done with are
    /// given back with the process instead of being freed object by object just before it ends
    /// (the Census tables of a coverage run: ~10 ms of releases).
    public static func keep(_ value: Any) {
        kept.lock.lock()
        kept.values.append(value)
        kept.lock.unlock()
    }

    private final class Kept: @unchecked Sendable {
        // @unchecked: `values` is only touched under `lock`.
        let lock = NSLock()
        var values: [Any] = []
    }
    private static let kept = Kept()
}
