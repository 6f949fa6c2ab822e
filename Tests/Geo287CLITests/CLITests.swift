import Foundation
import Geo287TestSupport
import Testing

/// The command line as a user meets it: exit codes and one-line errors.
@Suite struct CLITests {
    static let repo = ReferenceData.repository
    static let data = ReferenceData.path

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    func geo287(_ args: [String]) throws -> Run {
        let binary = Self.repo.appendingPathComponent(".build/debug/geo287")
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["GEO287_DATA"] = nil
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func dataStatusOnTheSharedRoot() throws {
        let r = try geo287(["data", "status", "--data", Self.data, "--no-checksums"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("present           counties"))
        #expect(!r.stdout.contains("missing"))
    }

    @Test func unknownDataRootIsOneLine() throws {
        let r = try geo287(["data", "status", "--data", "/nonexistent/root"])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.hasPrefix("geo287: error: /nonexistent/root: "))
    }

    @Test func missingRequiredDataExitsNonZero() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let r = try geo287(["data", "status", "--data", empty.path])
        #expect(r.status == 1 && r.stderr.contains("required data missing"))
    }

    @Test func badSheetIsOneLineNamingTheFile() throws {
        let bogus = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-bogus-\(UUID().uuidString).xlsx")
        try Data("not a workbook".utf8).write(to: bogus)
        defer { try? FileManager.default.removeItem(at: bogus) }
        for command in [["coverage"], ["match"], ["summary"], ["agreements"]] {
            let r = try geo287(command + ["--data", Self.data, "--sheet", bogus.path])
            #expect(r.status == 1, "\(command)")
            #expect(r.stderr == "geo287: error: \(bogus.path): not a zip archive\n", "\(command): \(r.stderr)")
        }
    }

    @Test func invalidOptionValueIsRejected() throws {
        let r = try geo287(["coverage", "--data", Self.data, "--model", "street-patrol"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--model must be task-force, jail-enforcement, warrant-service or all"))
    }

    @Test func matchWritesOneGeoJSONFeaturePerAgreement() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-match-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try geo287(["match", "--data", Self.data, "--format", "geojson", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let features = json?["features"] as? [[String: Any]] ?? []
        #expect(json?["type"] as? String == "FeatureCollection")
        #expect(features.count == 1843)
    }

    @Test func versionAndHelp() throws {
        #expect(try geo287(["--version"]).stdout == "0.1.0\n")
        let help = try geo287(["coverage", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--include-pending"))
    }
}
