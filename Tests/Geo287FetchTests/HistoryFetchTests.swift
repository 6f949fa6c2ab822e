import Foundation
@testable import Geo287Fetch
import Testing

/// `ice --history`: a CDX index and Wayback captures served by the loopback server.
@Suite struct HistoryFetchTests {
    static let folder = "doclib/about/offices/ero/287g/"

    struct Capture {
        let timestamp: String, name: String, bytes: Data, digest: String?
        var original: String { "https://www.ice.gov/\(HistoryFetchTests.folder)\(name)" }
    }

    /// Serves the captures and a CDX answer listing them (plus a PDF that must be ignored).
    func serve(_ captures: [Capture], on server: LoopbackServer) throws {
        var rows = [#"["urlkey","timestamp","original","mimetype","statuscode","digest","length"]"#]
        for c in captures {
            try server.put(c.bytes, at: "web/\(c.timestamp)id_/https:/www.ice.gov/\(Self.folder)\(c.name)")
            rows.append(#"["gov,ice)/x","\#(c.timestamp)","\#(c.original)","application/octet-stream","200","\#(c.digest ?? "")","\#(c.bytes.count)"]"#)
        }
        rows.append(#"["gov,ice)/x","20250301000000","https://www.ice.gov/doclib/about/offices/ero/287g/287gMOA.pdf","application/pdf","200","PDF","9"]"#)
        try server.put(Data(("[" + rows.joined(separator: ",\n") + "]").utf8), at: "cdx/search/cdx")
    }

    @Test func capturesAreDedupedDatedAndUnrecognizedOnesKept() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        let participating = try Data(contentsOf: ICEFetchTests.participating)
        let pending = try Data(contentsOf: ICEFetchTests.pending)
        let retimedURL = s.dir.appendingPathComponent("retimed.xlsx")
        try fixtureZip(["retime", ICEFetchTests.participating.path, retimedURL.path, "2025-02-21T20:00:00Z"])
        let retimed = try Data(contentsOf: retimedURL)
        let errorPage = Data("<html><body>Wayback Machine: this capture is a redirect</body></html>".utf8)
        let captures = [
            Capture(timestamp: "20250221214937", name: "participatingAgencies.xlsx", bytes: participating,
                    digest: SHA1.base32(of: participating)),
            Capture(timestamp: "20250221235959", name: "participatingAgencies02212025pm.xlsx", bytes: retimed,
                    digest: SHA1.base32(of: retimed)),
            Capture(timestamp: "20250222000000", name: "participatingAgencies.xlsx", bytes: participating,
                    digest: "NOTTHESHA1OFTHEBYTES"),
            Capture(timestamp: "20250301180751", name: "pendingAgencies.xlsx", bytes: pending, digest: SHA1.base32(of: pending)),
            Capture(timestamp: "20250317231040", name: "pendingAgencies03172025pm.xlsx", bytes: errorPage,
                    digest: SHA1.base32(of: errorPage)),
            Capture(timestamp: "20250401000000", name: "pendingAgencies.xlsx", bytes: pending, digest: SHA1.base32(of: pending)),
        ]
        try serve(captures, on: server)

        let first = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        try ICEFetcher.fetchHistory(in: first)
        #expect(first.report.fetched == ["ice/participating-2025-02-21.xlsx", "ice/participating-2025-02-21-200000.xlsx",
                                         "ice/pending-2025-02-20.xlsx"])
        #expect(first.report.unrecognized.map(\.path) == ["ice/unrecognized/20250317231040-pendingAgencies03172025pm.xlsx"])
        #expect(first.report.unrecognized.first?.reason == "not a zip archive")
        #expect(first.report.skipped == ["ice/participating-2025-02-21.xlsx", "ice/pending-2025-02-20.xlsx"])
        // The index, then five captures: the one whose digest was already seen is not downloaded.
        let paths = server.requests().map(\.path)
        #expect(paths.count == 6 && paths.first == "/cdx/search/cdx?url=ice.gov/doclib/about/offices/ero/287g/*&output=json&filter=statuscode:200&collapse=digest")
        #expect(paths.dropFirst().allSatisfy { $0.hasPrefix("/web/2025") && $0.contains("id_/https://www.ice.gov/doclib/") })
        #expect(try Data(contentsOf: s.root.url.appendingPathComponent("ice/unrecognized/20250317231040-pendingAgencies03172025pm.xlsx")) == errorPage)
        #expect(s.files().count == 4)
        #expect(first.report.render(dryRun: false).contains("kept     ice/unrecognized/20250317231040-pendingAgencies03172025pm.xlsx (not a readable sheet: not a zip archive)"))

        // Rerun: every capture whose digest matches a file in ice/ is skipped without downloading.
        let again = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        try ICEFetcher.fetchHistory(in: again)
        #expect(again.report.fetched.isEmpty && again.report.unrecognized.isEmpty)
        #expect(again.client.requested.count == 2)  // the index and the capture with a foreign digest
        #expect(s.files().count == 4)
    }

    @Test func dryRunListsCapturesOnce() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        let pending = try Data(contentsOf: ICEFetchTests.pending)
        try serve([Capture(timestamp: "20250301180751", name: "pendingAgencies.xlsx", bytes: pending, digest: "D1"),
                   Capture(timestamp: "20250302180751", name: "pendingAgencies.xlsx", bytes: pending, digest: "D1")], on: server)
        var settings = fastSettings(mirror: server.base)
        settings.dryRun = true
        let session = FetchSession(root: s.root, settings: settings)
        try ICEFetcher.fetchHistory(in: session)
        #expect(session.report.planned.map(\.url) == [server.base.absoluteString
            + "/web/20250301180751id_/https://www.ice.gov/doclib/about/offices/ero/287g/pendingAgencies.xlsx"])
        #expect(server.requests().count == 1 && s.files().isEmpty)
    }
}
