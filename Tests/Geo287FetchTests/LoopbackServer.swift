import Foundation
import Geo287Core
import Geo287Fetch

/// `Fixtures/loopback_server.py` as a child process on 127.0.0.1, serving a temporary folder
/// laid out like the real hosts. Call `stop()` in a `defer`; the server also exits by itself.
final class LoopbackServer {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let www: URL
    let port: Int
    let base: URL
    private let process: Process
    private let logFile: URL

    init(www: URL, deadline: Double = 120) throws {
        self.www = www
        let portFile = www.deletingLastPathComponent().appendingPathComponent("port-\(UUID().uuidString)")
        logFile = www.deletingLastPathComponent().appendingPathComponent("requests-\(UUID().uuidString).jsonl")
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.fixtures.appendingPathComponent("loopback_server.py").path,
                             "--root", www.path, "--port-file", portFile.path, "--log", logFile.path,
                             "--deadline", String(deadline)]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let until = Date().addingTimeInterval(15)
        var found: Int?
        while found == nil, Date() < until, process.isRunning {
            found = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0) }
            if found == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let found, let base = URL(string: "http://127.0.0.1:\(found)") else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw DataError("loopback_server.py", "did not report a port")
        }
        port = found
        self.base = base
    }

    func url(_ path: String) -> URL { base.appendingPathComponent(path) }

    /// SIGKILL: a child started from a test thread may inherit a signal mask that blocks SIGTERM.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Requests seen so far: path and User-Agent.
    func requests() -> [(path: String, userAgent: String)] {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String] else { return nil }
            return (o["path"] ?? "", o["user_agent"] ?? "")
        }
    }

    /// Puts `data` at `path` under the served folder.
    func put(_ data: Data, at path: String) throws {
        let url = www.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func put(file: URL, at path: String) throws { try put(try Data(contentsOf: file), at: path) }
}

/// A temporary folder with `www/` (served) and `root/` (the data root), removed by `remove()`.
struct Scratch {
    let dir: URL
    var www: URL { dir.appendingPathComponent("www") }
    var root: DataRoot { DataRoot(url: dir.appendingPathComponent("root"), source: .option) }

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("root"), withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Every file under the data root, relative, sorted (hidden temporary files included).
    func files() -> [String] {
        let rootPath = root.url.path
        let all = FileManager.default.enumerator(atPath: rootPath)?.allObjects.compactMap { $0 as? String } ?? []
        return all.filter { name in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: rootPath + "/" + name, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }
}

/// The Python 3 interpreter itself (not a version-manager shim, which would outlive `terminate()`).
let python: String = {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
    let out = Pipe()
    p.standardOutput = out
    guard (try? p.run()) != nil else { return "/usr/bin/python3" }
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return path.isEmpty ? "/usr/bin/python3" : path
}()

/// Settings for tests: short timeout, no pauses.
func fastSettings(mirror: URL? = nil, timeout: Double = 2) -> FetchSettings {
    var s = FetchSettings()
    s.timeout = timeout
    s.retryDelays = [0, 0]
    s.politeDelay = 0
    s.mirror = mirror
    return s
}

/// Runs `Fixtures/fixture_zip.py`.
func fixtureZip(_ args: [String]) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: python)
    p.arguments = [LoopbackServer.fixtures.appendingPathComponent("fixture_zip.py").path] + args
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw DataError("fixture_zip.py", "failed: \(args.joined(separator: " "))") }
}
