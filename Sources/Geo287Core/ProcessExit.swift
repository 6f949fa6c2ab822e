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
}
