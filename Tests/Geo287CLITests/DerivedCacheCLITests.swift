import Foundation
import Geo287TestSupport
import Testing

/// The derived cache through the command line: `data index` warms it, two processes building
/// it at once both answer right and leave a valid cache, and the answers never depend on it.
@Suite(.serialized) struct DerivedCacheCLITests {
    func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("geo287-cli-cache-\(UUID().uuidString)")
    }

    func coverage(_ cache: String, trace: Bool = false) throws -> CLIRunner.Run {
        try CLIRunner.geo287(["coverage", "--model", "task-force", "--format", "csv", "--data", ReferenceData.embeddedPath],
                             env: ["GEO287_CACHE": cache, "GEO287_TRACE": trace ? "1" : ""].filter { !$0.value.isEmpty })
    }

    @Test func twoProcessesBuildingAtOnceBothAnswerRight() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = try coverage("off")
        #expect(reference.status == 0)
        #expect(reference.stdout.contains("12057,Hillsborough County,FL,"))
        let runs = Runs()
        DispatchQueue.concurrentPerform(iterations: 2) { i in runs.set(i, try? coverage(dir.path)) }
        for i in 0..<2 {
            let run = try #require(runs.get(i))
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == reference.stdout)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files.count == 2, "\(files)")   // census-tables and matched-sheet, no temporary file left
        #expect(files.allSatisfy { $0.hasSuffix(".bin") })
        // The cache left behind is valid: the next run reads it (no matching) and answers the same.
        let warm = try coverage(dir.path, trace: true)
        #expect(warm.stdout == reference.stdout)
        #expect(!warm.stderr.contains("[trace] match "), "\(warm.stderr)")
        #expect(!warm.stderr.contains("derived cache:"), "\(warm.stderr)")
    }

    @Test func dataIndexWarmsTheCacheForCoverageAndMatch() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let index = try CLIRunner.geo287(["data", "index", "--data", ReferenceData.embeddedPath], env: ["GEO287_CACHE": dir.path])
        #expect(index.status == 0, "\(index.stderr)")
        #expect(index.stdout.hasPrefix("derived cache: \(dir.path): "))
        #expect(index.stdout.contains(", 60 sheets of \(ReferenceData.embeddedPath)/ice read, ready ("), "\(index.stdout)")
        // Census tables, the newest sheet matched (twice: with and without every geometry), and
        // each of the 60 sheets of shapefiles/ice as read.
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(entries.count == 63 && entries.filter { $0.hasPrefix("sheet-") }.count == 60)
        let warm = try coverage(dir.path, trace: true)
        #expect(!warm.stderr.contains("[trace] match "), "\(warm.stderr)")
        #expect(warm.stdout == (try coverage("off")).stdout)
        let match = try CLIRunner.geo287(["match", "--format", "csv", "--data", ReferenceData.embeddedPath],
                                         env: ["GEO287_CACHE": dir.path, "GEO287_TRACE": "1"])
        #expect(!match.stderr.contains("[trace] match "), "\(match.stderr)")
        let uncached = try CLIRunner.geo287(["match", "--format", "csv", "--data", ReferenceData.embeddedPath], env: ["GEO287_CACHE": "off"])
        #expect(match.stdout == uncached.stdout)
        #expect(match.stdout.split(separator: "\n").count == 1844)
        // history reads the 60 sheets from their entries: no workbook parsed, the same table.
        let history = try CLIRunner.geo287(["history", "--format", "csv", "--quiet", "--data", ReferenceData.embeddedPath],
                                           env: ["GEO287_CACHE": dir.path, "GEO287_TRACE": "1"])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(!history.stderr.contains("sheet-"), "\(history.stderr)")   // no entry found damaged or stale
        // No new sheet entry: each sheet was found under the key `data index` wrote it with.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("sheet-") }.count == 60)
        #expect(history.stdout == (try CLIRunner.geo287(["history", "--format", "csv", "--quiet", "--data", ReferenceData.embeddedPath],
                                                         env: ["GEO287_CACHE": "off"])).stdout)
    }

    @Test func dataIndexWithTheCacheOffWritesNothing() throws {
        let r = try CLIRunner.geo287(["data", "index", "--data", ReferenceData.embeddedPath], env: ["GEO287_CACHE": "off"])
        #expect(r.status == 0)
        #expect(r.stdout == "derived cache: off (GEO287_CACHE=off); nothing written\n")
    }

    /// A cache folder that cannot be made: the answer, no error, nothing on stderr.
    @Test func unwritableCacheFolderIsNotAnError() throws {
        let r = try coverage("/proc/geo287-cache")
        #expect(r.status == 0)
        #expect(r.stdout.contains("12057,Hillsborough County,FL,"))
        #expect(!r.stderr.contains("cache"))
    }

    final class Runs: @unchecked Sendable {
        private var runs: [Int: CLIRunner.Run] = [:]
        private let lock = NSLock()
        func set(_ i: Int, _ r: CLIRunner.Run?) { lock.lock(); runs[i] = r; lock.unlock() }
        func get(_ i: Int) -> CLIRunner.Run? { lock.lock(); defer { lock.unlock() }; return runs[i] }
    }
}
