import Foundation
import Geo287Core
import Geo287Export
import Geo287TestSupport
import Testing

/// What the export tests need besides geo287: the Python environment of
/// docs/scale/requirements.txt (`$GEO287_TEST_PYTHON`, else `<repository>/.build/test-venv`;
/// `.ci/run` makes it) and GDAL's `ogrinfo` (Debian's gdal-bin). Tests needing one are skipped,
/// with the reason, where it is absent; CI fails on any skip.
enum ExportTools {
    static let python: String = {
        if let p = ProcessInfo.processInfo.environment["GEO287_TEST_PYTHON"], !p.isEmpty { return p }
        return ReferenceData.repository.appendingPathComponent(".build/test-venv/bin/python").path
    }()

    static let hasPython: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        return (try? run(python, ["-c", "import pyarrow, geopandas, duckdb, duckdb_ext, dask_geopandas, distributed"]).status) == 0
    }()

    static let pythonReason: Comment = """
        needs the Python test environment with the packages of docs/scale/requirements.txt ($GEO287_TEST_PYTHON, or \
        python3 -m venv .build/test-venv && .build/test-venv/bin/pip install -r docs/scale/requirements.txt; .ci/run makes it)
        """

    static let ogrinfo = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let ogrinfoReason: Comment = "needs GDAL's ogrinfo (apt-get install gdal-bin; .ci/run installs it)"

    static let scripts = ReferenceData.repository.appendingPathComponent("Tests/Geo287ExportTests/python")
    static let recipe = ReferenceData.repository.appendingPathComponent("docs/scale/dask_join.py").path

    struct Run: Sendable {
        let status: Int32, stdout: String, stderr: String
    }

    /// Runs a program to its end; its output goes through files (no pipe to fill up).
    static func run(_ program: String, _ args: [String], env: [String: String] = [:]) throws -> Run {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-export-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(env) { _, new in new }
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}

/// One export of the test data root (every sheet, both formats), shared by the suites: it reads
/// and matches every sheet (about a minute in a debug build).
final class ExportFixture: Sendable {
    let folder: String
    let layers: PeriodsExport.Layers
    let files: [String: Data]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-export-\(getpid())").path
        let export = PeriodsExport(root: ReferenceData.root, folder: ReferenceData.root.path("ice"))
        layers = try export.layers()
        let files = try export.files(layers, format: .both)
        try AtomicFolder.publish(files, to: folder)
        self.files = Dictionary(files.map { ($0.name, $0.data) }, uniquingKeysWith: { a, _ in a })
    }

    static let shared = Result { try ExportFixture() }
}
