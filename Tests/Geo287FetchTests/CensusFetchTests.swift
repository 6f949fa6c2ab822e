import Foundation
@testable import Geo287Fetch
import Geo287Census
import Geo287Core
import Geo287TestSupport
import Testing

/// Census downloads against the loopback server: checksums, zips, skips and faults.
@Suite struct CensusFetchTests {
    static let tiny = Data("GEOID,NAME\n12057,Hillsborough County\n".utf8)

    /// A one-file download whose SHA-256 is the tiny fixture's, fetched from `path` on the server.
    func tinyDownload(_ server: LoopbackServer, _ path: String) -> CensusDownload {
        CensusDownload(id: "tiny", url: server.url(path), packaging: .file,
                       files: [DataFile("census/tiny/tiny.csv", sha256: SHA256.hex(of: Self.tiny))])
    }

    @Test func fileArrivesVerifiedAndRerunSkips() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(Self.tiny, at: "files/tiny.csv")
        let d = tinyDownload(server, "files/tiny.csv")
        let first = FetchSession(root: s.root, settings: fastSettings())
        try CensusFetcher.fetch([d], in: first)
        #expect(first.report.fetched == ["census/tiny/tiny.csv"])
        #expect(try Data(contentsOf: s.root.url.appendingPathComponent("census/tiny/tiny.csv")) == Self.tiny)
        let again = FetchSession(root: s.root, settings: fastSettings())
        try CensusFetcher.fetch([d], in: again)
        #expect(again.report.fetched.isEmpty && again.report.skipped == ["census/tiny/tiny.csv"])
        #expect(again.client.requested.isEmpty)
        #expect(server.requests().allSatisfy { $0.userAgent == "geo287/\(Geo287Version.string) (287(g) coverage research tool)" })
        #expect(s.files() == ["census/tiny/tiny.csv"])
    }

    @Test func realStatesZipAgainstTheCatalogThroughTheMirror() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        let states = try #require(CensusDownloads.all.first { $0.id == "states" })
        let sources = states.files.map { ReferenceData.root.path($0.path) }
        let zipPath = s.www.appendingPathComponent(states.url.path).path
        try FileManager.default.createDirectory(atPath: (zipPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let extra = s.dir.appendingPathComponent("cb_2024_us_state_20m.shp.iso.xml")
        try Data("<metadata/>".utf8).write(to: extra)
        try fixtureZip(["make", zipPath] + sources + [extra.path])
        let session = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        try CensusFetcher.fetch([states], in: session)
        #expect(session.report.fetched == states.files.map(\.path))
        #expect(s.files() == states.files.map(\.path).sorted())  // the .iso.xml member is not extracted; no zip left
        let status = DataCatalog.status(of: s.root).first { $0.dataset.id == "states" }
        #expect(status?.state == .present)
        #expect(server.requests().map(\.path) == [states.url.path])
    }

    @Test func zipMemberWithWrongBytesLeavesNothing() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        let a = s.dir.appendingPathComponent("a.txt"), b = s.dir.appendingPathComponent("b.txt")
        try Data("first\n".utf8).write(to: a)
        try Data("second, but not what the catalog pins\n".utf8).write(to: b)
        try fixtureZip(["make", s.www.appendingPathComponent("pair.zip").path, a.path, b.path])
        let d = CensusDownload(id: "pair", url: server.url("pair.zip"), packaging: .zip, files: [
            DataFile("census/pair/a.txt", sha256: SHA256.hex(of: Data("first\n".utf8))),
            DataFile("census/pair/b.txt", sha256: SHA256.hex(of: Data("second\n".utf8))),
        ])
        let session = FetchSession(root: s.root, settings: fastSettings())
        let error = try #require(throws: DataError.self) { try CensusFetcher.fetch([d], in: session) }
        #expect(error.path == server.url("pair.zip").absoluteString)
        #expect(error.message.hasPrefix("SHA-256 of census/pair/b.txt is "))
        #expect(error.message.hasSuffix("nothing written"))
        #expect(!error.description.contains("\n"))
        #expect(s.files().isEmpty)
    }

    @Test func wrongBytesForAPinnedFileLeaveNothing() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(Self.tiny, at: "files/tiny.csv")
        let session = FetchSession(root: s.root, settings: fastSettings())
        let error = try #require(throws: DataError.self) {
            try CensusFetcher.fetch([tinyDownload(server, "fault/garble/files/tiny.csv")], in: session)
        }
        #expect(error.message.contains("the catalog pins \(SHA256.hex(of: Self.tiny)); nothing written"))
        #expect(s.files().isEmpty)
    }

    @Test func serverErrorThenSuccessIsRetried() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(Self.tiny, at: "files/tiny.csv")
        let session = FetchSession(root: s.root, settings: fastSettings())
        try CensusFetcher.fetch([tinyDownload(server, "fault/flaky/1/once/files/tiny.csv")], in: session)
        #expect(session.report.fetched == ["census/tiny/tiny.csv"])
        #expect(session.client.requested.count == 2)
        let busy = FetchSession(root: s.root, settings: fastSettings())
        try FileManager.default.removeItem(atPath: s.root.path("census/tiny/tiny.csv"))
        try CensusFetcher.fetch([tinyDownload(server, "fault/busy/2/twice/files/tiny.csv")], in: busy)
        #expect(busy.client.requested.count == 3 && s.files() == ["census/tiny/tiny.csv"])
    }

    @Test(arguments: [
        ("fault/404/files/tiny.csv", "HTTP 404 (Not Found)", 1),
        ("fault/flaky/9/always/files/tiny.csv", "HTTP 500 (Internal Server Error) (after 3 attempts)", 3),
        ("fault/truncate/files/tiny.csv", "truncated body", 3),
        ("fault/stall/files/tiny.csv", "no answer within 1 s (timed out) (after 3 attempts)", 3),
    ])
    func faultsAreOneLineAndLeaveNothing(route: String, message: String, attempts: Int) throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(Self.tiny, at: "files/tiny.csv")
        let session = FetchSession(root: s.root, settings: fastSettings(timeout: 1))
        let started = Date()
        let error = try #require(throws: DataError.self) { try CensusFetcher.fetch([tinyDownload(server, route)], in: session) }
        #expect(error.path == server.url(route).absoluteString)
        #expect(error.message.contains(message), "\(error)")
        #expect(!error.description.contains("\n"))
        #expect(session.client.requested.count == attempts)
        #expect(Date().timeIntervalSince(started) < 60)  // a hang guard, not a speed target (shared machines are slow)
        #expect(s.files().isEmpty)
    }

    @Test func politeDelaySpacesRequestsToOneHost() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(Self.tiny, at: "files/tiny.csv")
        var settings = fastSettings()
        settings.politeDelay = 0.3
        let client = HTTPClient(settings: settings)
        let started = Date()
        for _ in 0..<3 { _ = try client.get(server.url("files/tiny.csv")) }
        #expect(Date().timeIntervalSince(started) >= 0.6)
    }

    @Test func dryRunListsAndWritesNothing() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        var settings = fastSettings(mirror: server.base)
        settings.dryRun = true
        let session = FetchSession(root: s.root, settings: settings)
        try CensusFetcher.fetchCatalog(in: session)
        #expect(session.report.planned.count == 7)
        #expect(session.report.planned.first?.url == server.base.absoluteString + "/geo/tiger/GENZ2024/shp/cb_2024_us_county_5m.zip")
        #expect(session.report.planned.first?.path.hasPrefix("census/counties/cb_2024_us_county_5m.shp, ") == true)
        #expect(session.report.notes.contains { $0.contains("Geocorr 2022") })
        #expect(server.requests().isEmpty && s.files().isEmpty)
    }
}
