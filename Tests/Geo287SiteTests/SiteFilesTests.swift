import Foundation
import Geo287Core
@testable import Geo287Site
import Testing

/// The generated files themselves: weight, self-containment, words in both languages,
/// determinism, and the data the page answers from.
@Suite struct SiteFilesTests {
    func text(_ path: String) throws -> String {
        let site = try SiteFixture.site()
        guard let f = site.files.first(where: { $0.path == path }) else { throw DataError(path, "not in the site") }
        return String(decoding: f.bytes, as: UTF8.self)
    }

    func bytes(_ paths: [String]) throws -> Int {
        let site = try SiteFixture.site()
        return try paths.reduce(0) { total, p in
            guard let f = site.files.first(where: { $0.path == p }) else { throw DataError(p, "not in the site") }
            return total + f.bytes.count
        }
    }

    @Test func everyStateHasAPageAnEmbedAndItsPolygons() throws {
        let paths = Set(try SiteFixture.site().files.map(\.path))
        for usps in ["FL", "TX", "PA", "VA", "NC", "AK", "HI", "PR", "DC"] {
            #expect(paths.contains("states/\(usps).html"), "\(usps)")
            #expect(paths.contains("embed/\(usps).html"), "\(usps)")
            #expect(paths.contains("downloads/\(usps)/counties.geojson"), "\(usps)")
        }
        #expect(paths.contains("geo-12.js".withPrefix("data/")))
        // 50 states, DC, Puerto Rico and the four island areas of the county layer.
        #expect(paths.filter { $0.hasPrefix("states/") }.count == 56)
        let national = try text("index.html")
        #expect(national.components(separatedBy: "<li><a href=\"states/").count - 1 == 56, "every state page is linked")
    }

    /// Everything the national page loads, including the search index it loads when the search
    /// is first used, stays under 2 MB.
    @Test func theNationalPageWeighsAtMostTwoMegabytes() throws {
        let page = try bytes(["index.html", "assets/site.js", "assets/site.css", "text/en.js", "text/es.js", "data/site.js"])
        let withSearch = page + (try bytes(["data/places.js"]))
        #expect(withSearch <= 2_000_000, "national page with its search index: \(withSearch) bytes")
        #expect(page <= 1_400_000, "national page before the search is used: \(page) bytes")
    }

    /// No page loads anything from outside its folder: no absolute URL in a `src`, a stylesheet
    /// link or CSS, and a Content-Security-Policy that forbids connections.
    @Test func noPageLoadsAnythingFromElsewhere() throws {
        let site = try SiteFixture.site()
        for f in site.files where f.path.hasSuffix(".html") {
            let html = String(decoding: f.bytes, as: UTF8.self)
            #expect(!html.contains("src=\"http") && !html.contains("src=\"//"), "\(f.path)")
            #expect(!html.contains("rel=\"stylesheet\" href=\"http"), "\(f.path)")
            #expect(html.contains("default-src 'none'"), "\(f.path) has no Content-Security-Policy")
        }
        #expect(!(try text("assets/site.css")).contains("url(http"))
        #expect(!(try text("assets/site.css")).contains("@import"))
        // The only address the script knows is ICE's document folder (links the reader follows).
        let script = try text("assets/site.js")
        let addresses = script.components(separatedBy: "https://").dropFirst().map { $0.prefix(while: { $0 != "'" && $0 != "\"" }) }
        #expect(Set(addresses) == ["www.ice.gov/doclib/287gMOA/", "www.ice.gov/"] || Set(addresses) == ["www.ice.gov/doclib/287gMOA/"],
                "\(addresses)")
        #expect(!script.contains("fetch(") && !script.contains("XMLHttpRequest"))
    }

    @Test func bothLanguagesHaveEveryKeyThePagesUse() throws {
        let english = Set(SiteText.english.map(\.0)), spanish = Set(SiteText.spanish.map(\.0))
        #expect(english == spanish, "only English: \(english.subtracting(spanish)); only Spanish: \(spanish.subtracting(english))")
        #expect(SiteText.english.count == english.count && SiteText.spanish.count == spanish.count, "a key is listed twice")
        let used = try ["index.html", "states/FL.html", "assets/site.js"].flatMap { path -> [String] in
            let s = try text(path)
            let keys = s.components(separatedBy: "data-t=\"").dropFirst().map { String($0.prefix(while: { $0 != "\"" })) }
                + s.components(separatedBy: "t('").dropFirst().map { String($0.prefix(while: { $0 != "'" })) }
            return keys.filter { k in k.contains(".") && !k.hasSuffix(".") && k.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." } }
        }
        for key in Set(used) { #expect(english.contains(key), "\(key) has no text") }
        for (key, value) in SiteText.spanish where !["lang.switch", "map.k2", "map.k3", "map.k4", "answer.no"].contains(key) {
            #expect(value != SiteText.en(key), "\(key) is not translated")
        }
    }

    /// Stripes mark only counties where a state agency's agreement covers people no local one
    /// does: Travis County, TX (under 10% local), not Florida (every county covered by its sheriff).
    @Test func stripesMarkOnlyStatewideOnlyCoverage() throws {
        let texas = try text("states/TX.html"), florida = try text("states/FL.html")
        #expect(texas.contains("<path class=\"k1 h\" data-g=\"48453\""), "Travis County: under 10% local, striped")
        #expect(!florida.contains(" h\" data-g="), "no Florida county is striped")
        #expect(try text("assets/site.css").contains(".h.k0 { fill: url(#h-k0); }"))
    }

    /// Dots mark counties where nobody is counted but an agency holds an agreement whose residents
    /// are not counted, as on `geo287 map`: Pike, Greene and Westmoreland, PA (township police,
    /// constables); a county with no agreement at all stays plain grey.
    @Test func dotsMarkAgreementsWhoseResidentsAreNotCounted() throws {
        let pa = try text("states/PA.html")
        for geoid in ["42103", "42059", "42129"] {
            #expect(pa.contains("<path class=\"kn\" data-g=\"\(geoid)\""), "\(geoid) dotted")
        }
        #expect(pa.contains("<pattern id=\"d-kn\""))
        #expect(pa.contains("data-t=\"map.legend.notcounted\""))
        #expect(try text("assets/site.css").contains(".kn { fill: url(#d-kn); }"))
    }

    @Test func twoBuildsWriteTheSameBytes() throws {
        let first = try SiteFixture.site().files
        let second = try SiteFixture.build()
        #expect(first.map(\.path) == second.map(\.path))
        for (a, b) in zip(first, second) where a.bytes != b.bytes { Issue.record("\(a.path) differs between two builds") }
    }

    /// The data the page answers from: Tampa's police and Hillsborough's sheriff are there, with
    /// their reach; statewide Florida agencies reach the state; every agreement of the sheets is listed.
    @Test func theDataHoldsEveryAgreementWithItsReach() throws {
        let data = try text("data/site.js")
        #expect(data.hasPrefix("GEO287.data({"))
        #expect(data.contains("[\"Tampa Police Department\",\"FL\",\"tfm\",\"m\",\"2025-02-28\",\"~TampaPoliceDeptFL_TFM_MOA_02282025.pdf\",\"place\",\"1271000\",[\"12057\"],0]"))
        #expect(data.contains("[\"Hillsborough County Sheriff's Office\",\"FL\",\"tfm\",\"c\",\"2025-02-26\""))
        #expect(data.contains("[\"Florida Department of Highway Safety and Motor Vehicles, Division of Highway Patrol\",\"FL\",\"tfm\",\"s\",\"2025-02-07\""))
        let places = try text("data/places.js")
        #expect(places.contains(";Tampa|71000|57|0|"))
        #expect(places.contains("Nashville-Davidson|52006|37|0|"))   // found as "Nashville" too
    }
}

extension String {
    fileprivate func withPrefix(_ p: String) -> String { p + self }
}

@Suite struct SiteOutputTests {
    /// The site replaces a previous site as a whole, and refuses a folder holding anything else.
    @Test func aSiteReplacesAPreviousSiteAndRefusesAForeignFolder() throws {
        let files = try SiteFixture.site().files
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-site-out-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try SiteBuilder.write(files, to: dir.path)
        try SiteBuilder.write(files, to: dir.path)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("states/FL.html").path))
        try Data("mine".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        #expect(throws: DataError.self) { try SiteBuilder.write(files, to: dir.path) }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("notes.txt").path), "the foreign file is kept")
    }
}
