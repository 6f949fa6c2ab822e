import Foundation
import Geo287Core
import Geo287Geometry
import Geo287Lookup
@testable import Geo287Site
import Geo287TestSupport
import Testing

/// The generated site driven in headless Chromium through WebDriver (Debian's `chromium` and
/// `chromium-driver`; `.ci/run` installs them). Screenshots at 1280 and 390 px are kept in
/// `outputs/test-artifacts/site/`.
@Suite(.serialized, .enabled(if: WebDriver.available, "needs Debian's chromium and chromium-driver (apt install chromium chromium-driver)"))
struct SiteBrowserTests {
    static let artifacts = ReferenceData.repository.appendingPathComponent("outputs/test-artifacts/site").path

    func page(_ path: String) throws -> URL { try SiteFixture.site().folder.appendingPathComponent(path) }

    func opened(_ path: String, width: Int = 1280, height: Int = 900) throws -> WebDriver {
        let browser = try WebDriver(width: max(width, 500), height: height)
        // A desktop window is at least 500 px wide: a phone's width is emulated.
        if width < 500 {
            try browser.devtools("Emulation.setDeviceMetricsOverride",
                                 ["width": width, "height": height, "deviceScaleFactor": 2, "mobile": true])
        }
        try browser.open(try page(path))
        try browser.wait(for: "document.documentElement.getAttribute('data-ready') === '1'")
        return browser
    }

    /// Agency names listed in the answer's groups (`data-group`), sorted.
    func names(_ browser: WebDriver, groups: [String]) throws -> [String] {
        let selector = groups.map { "#answer section[data-group=\"\($0)\"] strong.name" }.joined(separator: ", ")
        let list = try browser.script("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);", [selector])
        return ((list as? [String]) ?? []).sorted()
    }

    func ask(_ browser: WebDriver, _ query: String, expecting label: String) throws {
        try browser.script("GEO287.debug.ask(arguments[0]);", [query])
        try browser.wait(for: "(document.querySelector('#answer h2') || {}).textContent === \(jsString("Agreements that apply in " + label))")
    }

    func jsString(_ s: String) -> String { JSONValue.string(s).rendered() }

    @Test func loadsWithNoConsoleErrorAndNoRequestOutsideItsFolder() throws {
        for (width, name) in [(1280, "desktop-1280"), (390, "phone-390")] {
            let browser = try opened("index.html", width: width, height: 2400)
            defer { browser.stop() }
            try ask(browser, "Tampa", expecting: "Tampa, FL")
            try browser.script("window.scrollTo(0, 0);")
            try browser.screenshot(to: "\(Self.artifacts)/national-tampa-\(name).png")
            let loaded = try browser.requestedURLs()
            #expect(loaded.contains { $0.hasSuffix("/data/places.js") }, "the search index was loaded: \(loaded)")
            #expect(loaded.contains { $0.hasSuffix("/data/site.js") }, "the data was loaded: \(loaded)")
            for url in loaded { #expect(url.hasPrefix("file://"), "request outside file://: \(url)") }
            let errors = try browser.consoleEntries().filter { $0.level == "SEVERE" || $0.level == "WARNING" }
            #expect(errors.isEmpty, "console: \(errors)")
            let state = try opened("states/FL.html", width: width, height: 2000)
            defer { state.stop() }
            try state.screenshot(to: "\(Self.artifacts)/florida-\(name).png")
            #expect(try state.consoleEntries().filter { $0.level == "SEVERE" }.isEmpty)
        }
    }

    @Test func searchingTampaShowsItsPoliceAndTheHillsboroughSheriff() throws {
        let browser = try opened("index.html")
        defer { browser.stop() }
        let box = try browser.element("#q")
        try browser.type(box, "Tampa")
        try browser.click(try browser.element("#search button[type=submit]"))
        try browser.wait(for: "(document.querySelector('#answer h2') || {}).textContent === 'Agreements that apply in Tampa, FL'")
        #expect(try names(browser, groups: ["police"]) == ["Tampa Police Department"])
        #expect(try names(browser, groups: ["sheriff"]).contains("Hillsborough County Sheriff's Office"))
        let also = try browser.script("return document.getElementById('suggestions').textContent;") as? String
        #expect(also == "Tampa, KS", "the other Tampa is offered")
    }

    @Test func aMisspeltCountyIsSuggested() throws {
        let browser = try opened("index.html")
        defer { browser.stop() }
        try browser.script("GEO287.debug.ask('Hillsboro County, FL');")
        let list = try browser.wait(for: "document.getElementById('suggestions').textContent") as? String ?? ""
        #expect(list.hasPrefix("Hillsborough County, FL"), "\(list)")
        #expect(try browser.script("return document.getElementById('answer').hidden;") as? Bool == true)
    }

    /// "Use my location" with the browser's position set inside Tampa gives the agreements
    /// `geo287 lookup --point` gives for that point.
    @Test func useMyLocationInTampaAnswersAsLookupPoint() throws {
        let (lat, lon) = (27.9506, -82.4572)
        let browser = try opened("index.html")
        defer { browser.stop() }
        try browser.devtools("Browser.grantPermissions", ["permissions": ["geolocation"]])
        try browser.devtools("Emulation.setGeolocationOverride", ["latitude": lat, "longitude": lon, "accuracy": 5])
        try browser.click(try browser.element("#locate"))
        try browser.wait(for: "((document.querySelector('#answer h2') || {}).textContent || '').indexOf('Tampa, Hillsborough County, FL') > 0")
        let session = try LookupSession(root: SiteFixture.root, sheetPath: try SiteFixture.site().sheetPath, includePending: true)
        let lookup = try session.lookup(point: Coordinate(lon, lat))
        let covers = lookup.entries(.covers).map(\.agreement.agencyName).sorted()
        #expect(covers.count == 14)
        #expect(try names(browser, groups: ["police", "sheriff", "statewide"]) == covers)
        #expect(try names(browser, groups: ["facilities"]) == lookup.entries(.facility).map(\.agreement.agencyName).sorted())
    }

    @Test func clickingCollierCountyShowsItsAgencies() throws {
        let browser = try opened("states/FL.html")
        defer { browser.stop() }
        let collier = try browser.element("svg.map path[data-g=\"12021\"]")
        try browser.script("arguments[0].scrollIntoView({block: 'center'});", [["element-6066-11e4-a52e-4f735466cecf": collier]])
        try browser.click(collier)
        try browser.wait(for: "(document.querySelector('#answer h2') || {}).textContent === 'Agreements that apply in Collier County, FL'")
        #expect(try names(browser, groups: ["sheriff"]).contains("Collier County Sheriff's Office"))
    }

    @Test func theSpanishSwitchChangesThePage() throws {
        let browser = try opened("index.html")
        defer { browser.stop() }
        try ask(browser, "Tampa, FL", expecting: "Tampa, FL")
        try browser.click(try browser.element("#lang-switch"))
        try browser.wait(for: "document.documentElement.lang === 'es'")
        let title = try browser.script("return document.querySelector('h1').textContent;") as? String
        #expect(title == SiteText.spanish.first { $0.0 == "site.title" }?.1)
        let answer = try browser.script("return document.querySelector('#answer h2').textContent;") as? String
        #expect(answer == "Acuerdos que se aplican en Tampa, FL")
        try browser.screenshot(to: "\(Self.artifacts)/national-spanish-1280.png")
    }

    /// A dozen places searched on the page list what `geo287 lookup --place` lists: the same
    /// agreements covering them, elsewhere in their county, and facilities.
    @Test func aDozenPlacesAnswerAsLookupPlace() throws {
        let browser = try opened("index.html")
        defer { browser.stop() }
        let session = try LookupSession(root: SiteFixture.root, sheetPath: try SiteFixture.site().sheetPath, includePending: true)
        let places = [("Tampa, FL", "Tampa, FL"), ("Naples, FL", "Naples, FL"), ("Houston, TX", "Houston, TX"),
                      ("Nashville, TN", "Nashville-Davidson, TN"), ("Harrisburg, PA", "Harrisburg, PA"),
                      ("Richmond, VA", "Richmond, VA"), ("Charlotte, NC", "Charlotte, NC"), ("Anchorage, AK", "Anchorage, AK"),
                      ("Los Angeles, CA", "Los Angeles, CA"), ("Brandon, FL", "Brandon, FL"), ("Henderson, NV", "Henderson, NV"),
                      ("Atlanta, GA", "Atlanta, GA"), ("Plant City, FL", "Plant City, FL")]
        for (query, label) in places {
            try ask(browser, query, expecting: label)
            let lookup = try session.lookup(place: query)
            func agencies(_ r: LookupRelation) -> [String] { lookup.entries(r).map(\.agreement.agencyName).sorted() }
            #expect(try names(browser, groups: ["police", "sheriff", "statewide"]) == agencies(.covers), "\(query)")
            #expect(try names(browser, groups: ["elsewhere", "towns"]) == agencies(.inside), "\(query)")
            #expect(try names(browser, groups: ["facilities"]) == agencies(.facility), "\(query)")
        }
    }
}
