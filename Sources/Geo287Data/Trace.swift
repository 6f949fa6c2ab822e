import Foundation

/// Phase timings on stderr when `GEO287_TRACE` is set (for profiling; silent otherwise).
public enum Trace {
    static let enabled = ProcessInfo.processInfo.environment["GEO287_TRACE"] != nil
    nonisolated(unsafe) static var last = Date()   // only touched when tracing is on, from the main flow

    public static func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "[trace] %-28@ %7.1f ms\n", phase, now.timeIntervalSince(last) * 1000).utf8))
        last = now
    }
}
