import Foundation
import Geo287TestSupport
import Testing

/// `geo287 data fetch` as a user runs it, against the loopback server.
@Suite struct CLIFetchTests {
    func geo287(_ args: [String]) throws -> CLIRunner.Run { try CLIRunner.geo287(args) }

    @Test func fetchesIceIntoANewDataRoot() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try ICEFetchTests().serveICE(server)
        let root = s.dir.appendingPathComponent("new-root").path
        let common = ["--mirror", server.base.absoluteString, "--data", root, "--timeout", "2", "--polite-delay", "0"]

        let dry = try geo287(["data", "fetch", "ice", "--dry-run"] + common)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("dry run: would fetch 2, skip 0 (already present); nothing written\n"))
        #expect(!FileManager.default.fileExists(atPath: root))

        let ice = try geo287(["data", "fetch", "ice"] + common)
        #expect(ice.status == 0, "\(ice.stderr)")
        #expect(ice.stderr.isEmpty)  // not a terminal: no progress bar
        #expect(ice.stdout == """
            fetched 2, skipped 0 (already present)
            fetched  ice/participating-2025-02-21.xlsx
            fetched  ice/pending-2025-02-20.xlsx

            """)
        let again = try geo287(["data", "fetch", "ice"] + common)
        #expect(again.status == 0 && again.stdout.hasPrefix("fetched 0, skipped 2 (already present)\n"))
        let summary = try geo287(["summary", "--data", root, "--format", "json"])
        #expect(summary.status == 0 && summary.stdout.contains("participating-2025-02-21.xlsx"), "\(summary.stderr)")
    }

    @Test(ReferenceData.needsFullData) func fetchesAPinnedPlaceZip() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(file: PlaceFetchTests.dcZip, at: "geo/tiger/TIGER2019/PLACE/tl_2019_11_place.zip")
        let r = try geo287(["data", "fetch", "places", "--state", "DC", "--mirror", server.base.absoluteString,
                            "--data", s.root.url.path, "--timeout", "2", "--polite-delay", "0"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "fetched 1, skipped 0 (already present)\nfetched  census/places/tiger2019/tl_2019_11_place.zip\n")
    }

    @Test func failuresAreOneLineAndNonZero() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(Data("<html><p>We moved things around.</p></html>".utf8), at: "identify-and-arrest/287g")
        let root = s.root.url.path
        let base = ["--data", root, "--timeout", "1", "--polite-delay", "0"]

        let noLinks = try geo287(["data", "fetch", "ice", "--mirror", server.base.absoluteString] + base)
        #expect(noLinks.status == 1)
        #expect(noLinks.stderr == "geo287: error: \(server.base.absoluteString)/identify-and-arrest/287g: no participating or "
            + "pending sheet link (…/doclib/about/offices/ero/287g/*.xlsx) on the page; ICE may have changed its layout\n")

        let missing = try geo287(["data", "fetch", "places", "--state", "RI", "--mirror", server.url("fault/404").absoluteString] + base)
        #expect(missing.status == 1)
        #expect(missing.stderr == "geo287: error: \(server.base.absoluteString)/fault/404/geo/tiger/TIGER2019/PLACE/tl_2019_44_place.zip: HTTP 404 (Not Found)\n")

        // Bad usage exits 64, with the spellings --state takes in every command.
        let badState = try geo287(["data", "fetch", "places", "--state", "FL,ZZ"] + base)
        #expect(badState.status == 64 && badState.stderr.split(separator: "\n").count == 1)
        #expect(badState.stderr.hasPrefix("geo287: error: The value 'ZZ' is invalid for '--state <state>': give a USPS code (FL), a state name"))
        // ... and its names and FIPS codes, as everywhere.
        let named = try geo287(["data", "fetch", "places", "--state", "new york,fl", "--state", "48", "--dry-run"] + base)
        #expect(named.status == 0, "\(named.stderr)")
        for fips in ["36", "12", "48"] { #expect(named.stdout.contains("census/places/tiger2019/tl_2019_\(fips)_place.zip")) }
        let stray = try geo287(["data", "fetch", "census", "--history"] + base)
        #expect(stray.status == 64 && stray.stderr == "geo287: error: --history goes with ice or all (see 'geo287 data fetch --help')\n")
        #expect(s.files().isEmpty)
    }

    @Test func helpDocumentsTargets() throws {
        let help = try geo287(["data", "fetch", "--help"])
        #expect(help.status == 0)
        for word in ["census", "ice", "places", "--with-places", "--history", "--dry-run", "--mirror", "--timeout", "Geocorr"] {
            #expect(help.stdout.contains(word), "\(word)")
        }
    }
}

extension CLIFetchTests {
    @Test func interruptedDownloadLeavesNothing() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try ICEFetchTests().serveICE(server)
        let p = Process()
        p.executableURL = CLIRunner.binary
        p.arguments = ["data", "fetch", "ice", "--mirror", server.url("fault/slow").absoluteString,
                       "--data", s.root.url.path, "--timeout", "5", "--polite-delay", "0"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // The page arrives in 10 pieces 0.3 s apart: once it is asked for, interrupt in the middle of it.
        let asked = Date().addingTimeInterval(20)
        while server.requests().isEmpty, Date() < asked { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.5)
        kill(p.processIdentifier, SIGINT)
        let until = Date().addingTimeInterval(10)
        while p.isRunning, Date() < until { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        #expect(s.files().isEmpty)
    }
}
