import Foundation

/// Runs the built `geo287` as a user would, for the CLI test suites.
public enum CLIRunner {
    public struct Run: Sendable {
        public let status: Int32; public let stdout: String; public let stderr: String
        public init(status: Int32, stdout: String, stderr: String) { self.status = status; self.stdout = stdout; self.stderr = stderr }
    }

    /// The `geo287` built beside this test bundle (whatever the scratch path), else `.build/debug`.
    public static var binary: URL {
        var dirs: [URL] = []
        if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
        dirs.append(Bundle.main.bundleURL.deletingLastPathComponent())
        dirs.append(ReferenceData.repository.appendingPathComponent(".build/debug"))
        let found = dirs.map { $0.appendingPathComponent("geo287") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return found ?? ReferenceData.repository.appendingPathComponent(".build/debug/geo287")
    }

    /// The derived cache of the CLI tests: a folder of this test process, never the user's.
    /// The folders of earlier test processes that have ended are removed first (each is over
    /// 100 MB), so repeated runs leave at most the last one behind.
    public static let cacheFolder: String = {
        let prefix = "geo287-test-cache-", temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
        return temporary.appendingPathComponent(prefix + "\(getpid())").path
    }()

    /// `geo287 args` with GEO287_DATA unset, "today" fixed to 2026-05-20 (the bundled sheets
    /// are then current: no staleness note) and the derived cache in `cacheFolder`, plus `env`, in `cwd`.
    public static func geo287(_ args: [String], cwd: URL? = nil, env extra: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["GEO287_DATA"] = nil
        env["GEO287_TODAY"] = "2026-05-20"
        env["GEO287_CACHE"] = cacheFolder
        env.merge(extra) { _, new in new }
        p.environment = env
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
