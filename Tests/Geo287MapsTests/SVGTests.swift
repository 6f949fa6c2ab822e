import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Geo287Coverage
import Geo287Maps
import Geo287Sheets
import Testing

/// Well-formedness through Foundation's XML parser; collects element names and text.
final class XMLCheck: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var text = ""
    var error: String?

    static func parse(_ svg: String) -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = check
        if !parser.parse() { check.error = parser.parserError.map { "\($0)" } ?? "parse failed" }
        return check
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

@Suite struct SVGTests {
    @Test func nationalMapIsSmallWellFormedAndDeterministic() throws {
        let f = try Fixture.get()
        let svg = try NationalMap.svg(f.national, counties: f.gazetteer.counties)
        #expect(svg.utf8.count < 1_500_000)
        let xml = XMLCheck.parse(svg)
        #expect(xml.error == nil)
        #expect(xml.elements["svg"] == 1 && (xml.elements["title"] ?? 0) > 3000 && xml.elements["desc"] == 1)
        #expect(xml.text.contains("Sources: ICE 287(g) participating agencies"))
        #expect(xml.text.contains("Miami-Dade County, FL: 100% of"))
        // Every state, DC and Puerto Rico draw at least one county path.
        let paths = svg.components(separatedBy: "<path class=\"k").count - 1
        #expect(paths == 3222)
        let again = try NationalMap.svg(f.national, counties: f.gazetteer.counties)
        #expect(svg == again)
    }

    @Test func floridaIsFullyShadedForTaskForce() throws {
        let f = try Fixture.get()
        #expect(f.florida.counties.count == 67)
        #expect(f.florida.counties.allSatisfy { Palette.step(covered: $0.covered, population: $0.population) == 5 })
        let agreements = MapAgreements.admitted(f.matched, pending: nil, options: f.florida.options)
        let svg = try StateMap.svg(f.florida, state: "FL", agreements: agreements, gazetteer: f.gazetteer)
        let xml = XMLCheck.parse(svg)
        #expect(xml.error == nil)
        #expect(svg.components(separatedBy: "<path class=\"k5\"").count - 1 == 67)
        #expect(xml.text.contains("Statewide:"))
        #expect((xml.elements["path"] ?? 0) > 67 + 50)   // counties, place outlines, outline
    }

    @Test func colouringByModel() throws {
        let f = try Fixture.get()
        let all = try f.run.coverage(f.matched, pending: nil, options: CoverageOptions(model: .all))
        let svg = try NationalMap.svg(all, counties: f.gazetteer.counties, shading: .model)
        #expect(XMLCheck.parse(svg).error == nil)
        #expect(svg.contains("Most invasive model of local agreements covering residents:"))
        #expect(svg.contains(SVGText.escape("Most invasive model covering each county's residents. United States;")))
        // Florida's sheriffs all hold Task Force agreements themselves: all 67 counties are Task Force, unstriped.
        let fl = all.counties.filter { $0.stateUSPS == "FL" }
        #expect(fl.count == 67 && fl.allSatisfy { Shading.model.step($0) == 3 && !Shading.model.look($0).statewide })
        // Counties reached locally only by Jail Enforcement agreements are blue, and only those.
        let jemOnly = all.counties.filter { Shading.model.step($0) == 1 }
        #expect(!jemOnly.isEmpty && jemOnly.allSatisfy { c in
            !c.agreements.contains { $0.counted && $0.level != .state && $0.model != .jailEnforcement && $0.coverage > 0 }
        })
        let classes = ["m0", "m1", "m2", "m3", "m0s", "m1s", "m2s", "m3s", "kn"].map { svg.components(separatedBy: "<path class=\"\($0)\"").count - 1 }
        #expect(classes.reduce(0, +) == 3222 && classes.prefix(5).allSatisfy { $0 > 0 })
    }

    /// Agency names come from a downloaded spreadsheet: markup in them must stay text.
    @Test func hostileAgencyNamesAreEscaped() throws {
        let f = try Fixture.get()
        let hostile = " <script>alert('x')</script> & \"Co\""
        let agreements = MapAgreements.admitted(f.matched, pending: nil, options: f.florida.options)
        var sheet = f.matched.sheet
        let wanted = Set(agreements.map(\.matched.agreement.row))
        sheet.agreements = sheet.agreements.filter { wanted.contains($0.row) }.map { a in
            var b = a
            b.agencyName += hostile
            return b
        }
        let matched = try f.run.matchedSheet(sheet)
        let result = try f.run.coverage(matched, pending: nil, options: f.florida.options)
        let svg = try StateMap.svg(result, state: "FL", agreements: MapAgreements.admitted(matched, pending: nil, options: f.florida.options),
                                   gazetteer: f.gazetteer)
        let xml = XMLCheck.parse(svg)
        #expect(xml.error == nil)
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"))
        #expect(xml.text.contains("<script>alert('x')</script> & \"Co\""))
        #expect(xml.elements["script"] == nil)
    }

    @Test func escapeHandlesMarkupAndControlCharacters() {
        #expect(SVGText.escape("A & B <b>\"x\"</b>\u{1}'") == "A &amp; B &lt;b&gt;&quot;x&quot;&lt;/b&gt;&#39;")
        #expect(SVGText.fixed(-5, decimals: 1) == "-0.5")
        #expect(SVGText.fixed(120, decimals: 1) == "12")
        #expect(SVGText.fixed(1203, decimals: 3) == "1.203")
        #expect(SVGText.fixed(-1000050, decimals: 6) == "-1.00005")
    }
}
