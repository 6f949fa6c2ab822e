import Foundation
@testable import Geo287Fetch
import Geo287Census
import Geo287Core
import Geo287TestSupport
import Testing

/// Place zips: pinned states by SHA-256, unpinned ones by reading the shapefile.
@Suite struct PlaceFetchTests {
    /// The official DC zip (full reference data only): its SHA-256 is pinned in the catalog.
    static let dcZip = URL(fileURLWithPath: ReferenceData.root.path("census/places/tiger2019/tl_2019_11_place.zip"))
    /// A small zip holding a readable `tl_2019_11_place` shapefile (committed with the embedded root).
    static let smallZip = URL(fileURLWithPath: ReferenceData.embedded.path("census/places/compact2019/tl_2019_11_place_compact.zip"))

    @Test(ReferenceData.needsFullData) func pinnedStateArrivesAndRerunSkips() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(file: Self.dcZip, at: "geo/tiger/TIGER2019/PLACE/tl_2019_11_place.zip")
        let dc = try PlaceDownloads.states(["DC"])
        let session = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        try PlaceFetcher.fetch(dc, in: session)
        #expect(session.report.fetched == ["census/places/tiger2019/tl_2019_11_place.zip"])
        #expect(session.report.notes.isEmpty)
        let again = FetchSession(root: s.root, settings: fastSettings(mirror: server.base))
        try PlaceFetcher.fetch(try PlaceDownloads.states(["11"]), in: again)
        #expect(again.report.skipped == ["census/places/tiger2019/tl_2019_11_place.zip"] && again.client.requested.isEmpty)
    }

    @Test func unpinnedZipIsReadInsteadAndSaysSo() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(file: Self.smallZip, at: "tl_2019_11_place.zip")
        let file = DataFile("census/places/tiger2019/tl_2019_11_place.zip", sha256: String(repeating: "0", count: 64))
        let session = FetchSession(root: s.root, settings: fastSettings())
        try PlaceFetcher.fetch(url: server.url("tl_2019_11_place.zip"), file: file, stem: "tl_2019_11_place",
                               pinned: false, in: session)
        #expect(session.report.fetched == [file.path])
        #expect(session.report.notes == ["\(file.path): SHA-256 not pinned (the reference copy is a rebuilt zip); "
            + "checked as a readable shapefile zip instead"])
        #expect(s.files() == [file.path])
    }

    @Test func damagedUnpinnedZipIsRefused() throws {
        let s = try Scratch(); defer { s.remove() }
        let server = try LoopbackServer(www: s.www); defer { server.stop() }
        try server.put(file: Self.smallZip, at: "tl_2019_11_place.zip")
        let file = DataFile("census/places/tiger2019/tl_2019_11_place.zip", sha256: nil)
        for (route, stem) in [("fault/garble/tl_2019_11_place.zip", "tl_2019_11_place"),
                              ("tl_2019_11_place.zip", "tl_2019_06_place")] {
            let session = FetchSession(root: s.root, settings: fastSettings())
            let error = try #require(throws: DataError.self) {
                try PlaceFetcher.fetch(url: server.url(route), file: file, stem: stem, pinned: false, in: session)
            }
            #expect(error.path == server.url(route).absoluteString)
            #expect(error.message.hasPrefix("not a usable place zip (") && error.message.hasSuffix("); nothing written"), "\(error)")
            #expect(!error.description.contains("\n"))
            #expect(s.files().isEmpty)
        }
    }
}
