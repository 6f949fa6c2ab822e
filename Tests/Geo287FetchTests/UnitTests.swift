import Foundation
@testable import Geo287Fetch
import Geo287Census
import Geo287Core
import Geo287Sheets
import Testing

@Suite struct MirrorAndLinkTests {
    @Test func mirrorReplacesSchemeHostPortKeepsPathAndQuery() throws {
        let mirror = try MirrorRewrite.parse("http://127.0.0.1:8080")
        let cdx = try #require(WaybackCDX.indexURL)
        #expect(MirrorRewrite.rewrite(cdx, mirror: mirror).absoluteString
            == "http://127.0.0.1:8080/cdx/search/cdx?url=ice.gov/doclib/about/offices/ero/287g/*&output=json&filter=statuscode:200&collapse=digest")
        let raw = try #require(URL(string: "https://web.archive.org/web/20250221214937id_/https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies.xlsx"))
        #expect(MirrorRewrite.rewrite(raw, mirror: mirror).absoluteString
            == "http://127.0.0.1:8080/web/20250221214937id_/https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies.xlsx")
        let census = try #require(URL(string: "https://www2.census.gov:443/geo/tiger/GENZ2024/shp/cb_2024_us_state_20m.zip"))
        #expect(MirrorRewrite.rewrite(census, mirror: try MirrorRewrite.parse("https://mirror.example.org/pub/")).absoluteString
            == "https://mirror.example.org/pub/geo/tiger/GENZ2024/shp/cb_2024_us_state_20m.zip")
        #expect(throws: DataError.self) { try MirrorRewrite.parse("ftp://example.org") }
        #expect(throws: DataError.self) { try MirrorRewrite.parse("127.0.0.1:8080") }
    }

    @Test func sheetLinksFromARealisticPage() throws {
        let html = """
        <div class="field--name-body"><p>ICE has 287(g) agreements with <a href="/identify-and-arrest/287g/participating">agencies</a>.</p>
        <ul><li><a href="/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx" target="_blank">Participating Agencies (XLSX, 120 KB)</a></li>
        <li><a HREF = 'https://www.ice.gov/doclib/about/offices/ero/287g/pendingAgencies02272026am.xlsx'>Pending Agencies</a></li>
        <li><a href="/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx">again</a></li>
        <li><a href="/doclib/about/offices/ero/287g/287gMOA.pdf">MOA</a> <a href="/doclib/about/offices/ero/287g/templates.xlsx">t</a></li>
        <li><a href="https://www.example.org/doclib/about/offices/ero/287g/pendingAgencies.xlsx">elsewhere</a></li>
        <li><a href=/doclib/about/offices/ero/287g/pendingAgencies.xlsx?v=2>unquoted</a></li></ul></div>
        """
        let page = try #require(ICELinks.pageURL)
        let links = ICELinks.sheetLinks(in: html, page: page)
        #expect(links.map(\.url.absoluteString) == [
            "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx",
            "https://www.ice.gov/doclib/about/offices/ero/287g/pendingAgencies02272026am.xlsx",
            "https://www.ice.gov/doclib/about/offices/ero/287g/pendingAgencies.xlsx?v=2",
        ])
        #expect(links.map(\.kind) == [.participating, .pending, .pending])
        #expect(ICELinks.sheetLinks(in: "<html><a href=\"/doclib/287gMOA.pdf\">x</a></html>", page: page).isEmpty)
    }

    @Test func datesInICENamesAndDocProps() throws {
        #expect(ICELinks.dateInICEName("participatingAgencies05182026am.xlsx")?.description == "2026-05-18")
        #expect(ICELinks.dateInICEName("pendingAgencies07112025am_b.xlsx")?.description == "2025-07-11")
        #expect(ICELinks.dateInICEName("participatingAgencies090022025am.xlsx") == nil)  // nine digits
        #expect(ICELinks.dateInICEName("participatingAgencies.xlsx") == nil)
        #expect(ICELinks.dateInICEName("pendingAgencies13012026.xlsx") == nil)  // month 13
        let z = try #require(DocPropsTime.utc("2025-06-12T23:13:56Z"))
        #expect(z.date.description == "2025-06-12" && z.time == "231356")
        let east = try #require(DocPropsTime.utc("2025-05-15T20:33:17.123-04:00"))
        #expect(east.date.description == "2025-05-16" && east.time == "003317")
        let plus = try #require(DocPropsTime.utc("2026-01-01T00:30:00+01:00"))
        #expect(plus.date.description == "2025-12-31" && plus.time == "233000")
        #expect(DocPropsTime.utc("2025-06-12") == nil)
        #expect(DocPropsTime.utc("2025-06-12T23:13:56 nonsense") == nil)
    }

    @Test func sha1MatchesKnownVectorsInBase32() {
        #expect(SHA1.digest(Data("abc".utf8)).map { String(format: "%02x", $0) }.joined()
            == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.digest(Data()).map { String(format: "%02x", $0) }.joined()
            == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1.base32(of: Data("abc".utf8)) == "VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5")
    }

    @Test func stateArguments() throws {
        #expect(try PlaceDownloads.states(["FL"]).map(\.fips) == ["12"])
        #expect(try PlaceDownloads.states(["12,ga", " 06 "]).map(\.usps) == ["FL", "GA", "CA"])
        #expect(try PlaceDownloads.states(["tx", "48"]).map(\.usps) == ["TX"])
        #expect(try PlaceDownloads.states(["all"]).count == 56)
        #expect(throws: DataError.self) { try PlaceDownloads.states(["XX"]) }
        #expect(throws: DataError.self) { try PlaceDownloads.states(["99"]) }
        #expect(throws: DataError.self) { try PlaceDownloads.states([]) }
        #expect(PlaceDownloads.unpinnedFIPS.count == 8)
        #expect(PlaceDownloads.allStates.filter { !PlaceDownloads.unpinnedFIPS.contains($0.fips) }.count == 48)
    }

    @Test func censusTableComesFromTheCatalog() throws {
        let all = CensusDownloads.all
        #expect(all.map(\.id) == ["counties", "counties-20m", "states", "county-population", "tract-centroids",
                                  "county-gazetteer", "place-codes"])
        for d in all {
            let catalog = try #require(DataCatalog.dataset(d.id))
            #expect(d.files.map(\.path) == catalog.files.map(\.path))
            #expect(d.files.allSatisfy { $0.sha256?.count == 64 })
            #expect(d.url.host == "www2.census.gov" && d.url.scheme == "https")
            #expect(d.packaging == (d.url.pathExtension == "zip" ? .zip : .file))
        }
        #expect(DataCatalog.dataset(CensusDownloads.crosswalkID) != nil)
    }
}
