import Foundation
import Geo287TestSupport
import Testing

/// The command line as a user meets it: exit codes and one-line errors.
@Suite struct CLITests {
    static let repo = ReferenceData.repository
    static let data = ReferenceData.path

    func geo287(_ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> CLIRunner.Run {
        try CLIRunner.geo287(args, cwd: cwd, env: env)
    }

    @Test(ReferenceData.needsFullData) func dataStatusOnTheSharedRoot() throws {
        let r = try geo287(["data", "status", "--data", Self.data, "--no-checksums"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("present           counties"))
        // Only the embedded root's derived files are absent from the full data.
        let missing = r.stdout.split(separator: "\n").filter { $0.hasPrefix("missing") }.map { $0.split(separator: " ", omittingEmptySubsequences: true)[1] }
        #expect(missing == ["places-compact", "county-subdivisions"])
    }

    /// The embedded root passes `data status` with checksums: every committed file is the one
    /// the catalog pins, and the compact layers stand in for the full place zips and workbook.
    @Test func dataStatusOnTheEmbeddedRoot() throws {
        let r = try geo287(["data", "status", "--data", ReferenceData.embeddedPath])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("present           places-compact"))
        #expect(r.stdout.contains("stood in for      places"))
        #expect(!r.stdout.contains("checksum mismatch"))
    }

    @Test func unknownDataRootIsOneLine() throws {
        let r = try geo287(["data", "status", "--data", "/nonexistent/root"])
        #expect(r.status == 66)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.hasPrefix("geo287: error: /nonexistent/root: "))
    }

    @Test func missingRequiredDataExitsNonZero() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let r = try geo287(["data", "status", "--data", empty.path])
        #expect(r.status == 66 && r.stderr.hasPrefix("geo287: error: required data missing or damaged: counties, states,"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func badSheetIsOneLineNamingTheFile() throws {
        let bogus = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-bogus-\(UUID().uuidString).xlsx")
        try Data("not a workbook".utf8).write(to: bogus)
        defer { try? FileManager.default.removeItem(at: bogus) }
        for command in [["coverage"], ["match"], ["summary"], ["agreements"]] {
            let r = try geo287(command + ["--data", Self.data, "--sheet", bogus.path])
            #expect(r.status == 65, "\(command)")  // there, but malformed
            #expect(r.stderr == "geo287: error: \(bogus.path): not a zip archive\n", "\(command): \(r.stderr)")
        }
    }

    /// A command that fails while its Census tables are still loading in the background used to
    /// crash in about 1 run of 6 (`match` with a damaged sheet and an empty cache): `exit()` ran
    /// libcrypto's exit-time clean-up under the thread still hashing those tables (signal 11,
    /// a crash report instead of the error line). Each run here starts with an empty cache.
    @Test func failingWhileLoadingInTheBackgroundIsStillOneLine() throws {
        let bogus = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-bogus-\(UUID().uuidString).xlsx")
        try Data("PK\u{3}\u{4} cut short".utf8).write(to: bogus)
        defer { try? FileManager.default.removeItem(at: bogus) }
        for run in 1...16 {
            let cache = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-empty-cache-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: cache) }
            let r = try geo287(["match", "--data", Self.data, "--sheet", bogus.path], env: ["GEO287_CACHE": cache.path])
            #expect(r.status == 65, "run \(run): \(r.stderr)")
            #expect(r.stderr.hasPrefix("geo287: error: \(bogus.path): ") && r.stderr.split(separator: "\n").count == 1, "run \(run): \(r.stderr)")
            if r.status != 65 { break }
        }
    }

    @Test func invalidOptionValueIsRejected() throws {
        let r = try geo287(["coverage", "--data", Self.data, "--model", "street-patrol"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Please provide one of 'task-force', 'jail-enforcement', 'warrant-service' or 'all'"))
    }

    /// `--threads` is refused out of 1...256 by every command that has it, before any work:
    /// `match` used to take 0 and 2^63-1, and `lookup --points` with 2^63-1 crashed
    /// (an overflow in its chunk arithmetic) instead of saying so.
    @Test func threadsOutOfBoundsIsOneLine() throws {
        let commands: [[String]] = [
            ["coverage"], ["match"], ["lookup", "--points", "/nonexistent.csv"], ["history"], ["batch", "--out", "/nonexistent/b"],
            ["export", "periods", "--out", "/nonexistent/x"], ["site", "--out", "/nonexistent"], ["data", "derive", "--from", "/nonexistent"],
        ]
        for command in commands {
            for value in ["0", "257", "9223372036854775807"] {
                let r = try geo287(command + ["--data", Self.data, "--threads", value])
                #expect(r.status == 64, "\(command) \(value): \(r.stderr)")
                #expect(r.stderr.hasPrefix("geo287: error: --threads must be between 1 and 256 (got \(value))"), "\(command) \(value): \(r.stderr)")
            }
        }
    }

    @Test func matchWritesOneGeoJSONFeaturePerAgreement() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-match-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try geo287(["match", "--data", Self.data, "--sheet", "participating-2026-05-18.xlsx", "--format", "geojson", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let features = json?["features"] as? [[String: Any]] ?? []
        #expect(json?["type"] as? String == "FeatureCollection")
        #expect(features.count == 1843)
    }

    /// A fresh clone: no --data, no GEO287_DATA, run from the checkout: ./shapefiles is the root.
    @Test func headlineFromTheEmbeddedRootWithoutSetup() throws {
        let r = try geo287(["coverage", "--model", "task-force"], cwd: Self.repo)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("sheet: participating-"))
        let sheets = try FileManager.default.contentsOfDirectory(atPath: ReferenceData.embeddedPath + "/ice")
        if sheets.filter({ $0.hasPrefix("participating-") }).max() == "participating-2026-05-18.xlsx" {
            #expect(r.stdout.contains("United States: 130,966,240 of 334,914,895 people (39.1%)"))
        }
        // From another folder, the binary finds the checkout's shapefiles/ by itself.
        let elsewhere = try geo287(["lookup", "--county", "Collier County, FL"], cwd: FileManager.default.temporaryDirectory)
        #expect(elsewhere.status == 0 && elsewhere.stdout.contains("Collier"), "\(elsewhere.stderr)")
    }

    /// Downtown Los Angeles names no agreement, so the compact layer has no boundary for it: the
    /// answer must not call the point unincorporated.
    @Test func pointOutsideAgreementCitiesOnTheCompactLayer() throws {
        let r = try geo287(["lookup", "--point", "34.05,-118.25", "--data", ReferenceData.embeddedPath])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("A point in Los Angeles County, California\n"))
        #expect(r.stdout.contains("Your police department: this point is in no city that has an agreement"))
        #expect(!r.stdout.contains("unincorporated"))
        let tampa = try geo287(["lookup", "--point", "27.9506,-82.4572", "--data", ReferenceData.embeddedPath])
        #expect(tampa.stdout.hasPrefix("Tampa, Florida (in Hillsborough County)\n"))
    }

    @Test func staleSheetsAndLateAsOfAreNoted() throws {
        let stale = try geo287(["coverage", "--data", ReferenceData.embeddedPath], env: ["GEO287_TODAY": "2026-12-01"])
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("geo287: note: the newest ICE sheet here is"))
        #expect(stale.stderr.contains("run `geo287 data fetch ice` for newer ones"))
        let late = try geo287(["coverage", "--data", ReferenceData.embeddedPath, "--as-of", "2030-01-01", "--include-pending"])
        #expect(late.status == 0)
        #expect(late.stderr.contains("geo287: note: --as-of 2030-01-01 is after the newest sheet in the data root"))
        let pending = try geo287(["coverage", "--data", ReferenceData.embeddedPath, "--sheet", "participating-2026-05-18.xlsx", "--include-pending"])
        #expect(pending.stderr.contains("pending sheet pending-2026-02-27.xlsx (2026-02-27) is 80 days older than the participating sheet"))
    }

    /// A data root without Florida's places: the command stops with one line naming the file
    /// and the fetch command, instead of turning Florida's cities into county fallbacks.
    @Test func missingPlaceLayerNamesTheFetchCommand() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("geo287-partial-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let embedded = URL(fileURLWithPath: ReferenceData.embeddedPath)
        for sub in ["ice", "census/counties", "census/states", "census/population", "census/crosswalks", "census/centroids"] {
            try fm.createDirectory(at: root.appendingPathComponent(sub).deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.createSymbolicLink(at: root.appendingPathComponent(sub), withDestinationURL: embedded.appendingPathComponent(sub))
        }
        let places = root.appendingPathComponent("census/places/compact2019")
        try fm.createDirectory(at: places, withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: root.appendingPathComponent("census/places/county-subdivisions-v2023.tsv"),
                                  withDestinationURL: embedded.appendingPathComponent("census/places/county-subdivisions-v2023.tsv"))
        for name in try fm.contentsOfDirectory(atPath: embedded.appendingPathComponent("census/places/compact2019").path) where !name.contains("_12_") {
            try fm.createSymbolicLink(at: places.appendingPathComponent(name),
                                      withDestinationURL: embedded.appendingPathComponent("census/places/compact2019/\(name)"))
        }
        let r = try geo287(["coverage", "--data", root.path, "--sheet", "participating-2026-05-18.xlsx"])
        #expect(r.status == 66)
        #expect(r.stderr == "geo287: error: \(root.path)/census/places/tiger2019/tl_2019_12_place.zip: missing: the place (city) polygons of FL; run `geo287 data fetch places --state FL`\n")
        let status = try geo287(["data", "status", "--data", root.path, "--no-checksums"])
        #expect(status.status == 66 && status.stdout.contains("get it with: `geo287 data fetch places --state XX`"))
    }

    @Test func versionAndHelp() throws {
        #expect(try geo287(["--version"]).stdout == "0.1.0\n")
        let help = try geo287(["coverage", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--include-pending"))
    }
}
