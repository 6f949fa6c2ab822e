import Foundation
@testable import Geo287Fetch
import Geo287Core
import Testing

/// ICE's page and sheets, served from the loopback server as if it were www.ice.gov.
@Suite struct ICEFetchTests {
    static let participating = LoopbackServer.fixtures.appendingPathComponent("participating-2025-02-21.xlsx")
    static let pending = LoopbackServer.fixtures.appendingPathComponent("pending-2025-03-01.xlsx")
    static let folder = "doclib/about/offices/ero/287g/"

    static func page(_ links: [String]) -> Data {
        Data(("<html><body><h2>287(g) Participating Agencies</h2><ul>"
            + links.map { "<li><a href=\"\($0)\" class=\"file\">sheet</a></li>" }.joined()
            + "</ul><a href=\"/doclib/about/offices/ero/287g/287gMOA.pdf\">MOA</a></body></html>").utf8)
    }

    /// The page links a participating sheet (site-relative) and a pending sheet (absolute).
    func serveICE(_ server: LoopbackServer) throws {
        try server.put(file: Self.participating, at: Self.folder + "participatingAgencies02212025pm.xlsx")
        try server.put(file: Self.pending, at: Self.folder + "pendingAgencies.xlsx")
        try server.put(Self.page(["/\(Self.folder)participatingAgencies02212025pm.xlsx",
                                  "https://www.ice.gov/\(Self.folder)pendingAgencies.xlsx"]), at: "identify-and-arrest/287g")
    }

    @Test func sheetsArriveNamedByDocPropsAndRerunSkips() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try serveICE(server)
        let session = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        try ICEFetcher.fetchCurrent(in: session)
        // docProps modified: 2025-02-21T14:51:12Z and 2025-02-20T16:27:52Z.
        #expect(session.report.fetched == ["ice/participating-2025-02-21.xlsx", "ice/pending-2025-02-20.xlsx"])
        #expect(try SHA256.hex(ofFile: s.root.path("ice/participating-2025-02-21.xlsx"))
            == "5e79be058d3e5907e64ba2b2ef55d18e7b37bb627f60b57aeef3cea58d7169bf")
        #expect(try SHA256.hex(ofFile: s.root.path("ice/pending-2025-02-20.xlsx"))
            == "dd9f37e546763043c157874f7d00fc03d3f9d20898f427e2c1b3fabd8e00d7ea")
        let again = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        try ICEFetcher.fetchCurrent(in: again)
        #expect(again.report.fetched.isEmpty && again.report.skipped.count == 2)
        #expect(s.files() == ["ice/participating-2025-02-21.xlsx", "ice/pending-2025-02-20.xlsx"])
        #expect(server.requests().first?.path == "/identify-and-arrest/287g")
    }

    @Test func pageWithoutSheetLinksIsOneClearError() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(Self.page(["/news/releases/287g", "/doclib/about/offices/ero/287g/287gMOA.pdf"]), at: "identify-and-arrest/287g")
        let session = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        let error = try #require(throws: DataError.self) { try ICEFetcher.fetchCurrent(in: session) }
        #expect(error.path == server.base.absoluteString + "/identify-and-arrest/287g")
        #expect(error.message.hasPrefix("no participating or pending sheet link"))
        #expect(s.files().isEmpty)
    }

    @Test func takenNameGetsTheTimeAndNothingIsOverwritten() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try serveICE(server)
        let other = Data("an older copy with other bytes".utf8)
        try FileManager.default.createDirectory(atPath: s.root.path("ice"), withIntermediateDirectories: true)
        try other.write(to: s.root.url.appendingPathComponent("ice/participating-2025-02-21.xlsx"))
        let session = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        try ICEFetcher.fetchCurrent(in: session)
        #expect(session.report.fetched.first == "ice/participating-2025-02-21-145112.xlsx")
        #expect(try Data(contentsOf: s.root.url.appendingPathComponent("ice/participating-2025-02-21.xlsx")) == other)
        #expect(s.files().count == 3)
    }

    @Test func sheetWithoutDocPropsIsDatedByICEsName() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        let stripped = s.www.appendingPathComponent(Self.folder + "participatingAgencies03052025am.xlsx")
        try FileManager.default.createDirectory(at: stripped.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fixtureZip(["drop", Self.participating.path, stripped.path, "docProps/core.xml"])
        try server.put(Self.page(["/\(Self.folder)participatingAgencies03052025am.xlsx"]), at: "identify-and-arrest/287g")
        let session = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        try ICEFetcher.fetchCurrent(in: session)
        #expect(session.report.fetched == ["ice/participating-2025-03-05.xlsx"])
        #expect(session.report.notes.contains { $0.contains("no docProps modified time; dated by ICE's file name (2025-03-05)") })
    }

    @Test func brokenSheetOnTheLivePageIsKeptAndFails() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(Data("<html>Access Denied</html>".utf8), at: Self.folder + "participatingAgencies05182026am.xlsx")
        try server.put(Self.page(["/\(Self.folder)participatingAgencies05182026am.xlsx"]), at: "identify-and-arrest/287g")
        let session = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        let error = try #require(throws: DataError.self) { try ICEFetcher.fetchCurrent(in: session) }
        #expect(session.report.fetched.isEmpty)
        let kept = try #require(session.report.unrecognized.first)
        #expect(error.path == server.base.absoluteString + "/\(Self.folder)participatingAgencies05182026am.xlsx")
        #expect(error.message == "not a readable 287(g) sheet (not a zip archive); kept as \(kept.path)")
        #expect(kept.path.hasPrefix("ice/unrecognized/") && kept.path.hasSuffix("-participatingAgencies05182026am.xlsx"))
        #expect(kept.reason == "not a zip archive")
        #expect(s.files() == [kept.path])
    }

    @Test func dryRunReadsThePageButDownloadsNoSheet() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try serveICE(server)
        var settings = fastSettings(mirror: server.base)
        settings.dryRun = true
        let session = FetchSession(root: s.root, settings: settings)
        try ICEFetcher.fetchCurrent(in: session)
        #expect(session.report.planned.map(\.path) == [
            "ice/participating-2025-02-21.xlsx (final date from docProps)", "ice/pending-<date>.xlsx (final date from docProps)"])
        #expect(session.report.planned.last?.url == server.base.absoluteString + "/\(Self.folder)pendingAgencies.xlsx")
        #expect(server.requests().map(\.path) == ["/identify-and-arrest/287g"])
        #expect(s.files().isEmpty)
    }
}
