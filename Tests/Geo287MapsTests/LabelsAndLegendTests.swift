import Foundation
import Geo287Coverage
import Geo287Maps
import Testing

/// Labels that never overlap and stay on the map; a legend and insets that stay on the page.
@Suite struct LabelsAndLegendTests {
    struct Label { let text: String; let box: PixelRect }

    /// The labels of a map: their text and the box each covers (as `LabelPlacer` estimates it).
    static func labels(_ svg: String) throws -> [Label] {
        let re = try NSRegularExpression(pattern: #"<text class="(label[a-z-]*)" x="([-0-9.]+)" y="([-0-9.]+)"(?: text-anchor="(\w+)")?>([^<]*)</text>"#)
        let ns = svg as NSString
        return re.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map { m in
            func g(_ i: Int) -> String { m.range(at: i).location == NSNotFound ? "" : ns.substring(with: m.range(at: i)) }
            let style: LabelPlacer.Style = g(1) == "label" ? .state : g(1) == "label-city" ? .city : .county
            let text = g(5).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            let spot = LabelPlacer.Spot(x: Double(g(2)) ?? 0, y: Double(g(3)) ?? 0, anchor: LabelPlacer.Anchor(rawValue: g(4)) ?? .start)
            return Label(text: text, box: LabelPlacer.box(text, at: spot, style: style))
        }
    }

    static func checkNoOverlapInsideMap(_ labels: [Label]) {
        let map = SVGDocument.mapRect
        for (i, a) in labels.enumerated() {
            #expect(a.box.x >= map.x && a.box.x + a.box.width <= map.x + map.width, "\(a.text) leaves the map")
            #expect(a.box.y >= map.y && a.box.y + a.box.height <= map.y + map.height, "\(a.text) leaves the map")
            for b in labels[(i + 1)...] where a.box.overlaps(b.box) {
                Issue.record("labels \(a.text) and \(b.text) overlap")
            }
        }
    }

    @Test func nationalMapNamesTheStatesThatFitAndNoOthers() throws {
        let f = try Fixture.get()
        let svg = try NationalMap.svg(f.national, counties: f.gazetteer.counties)
        let labels = try Self.labels(svg)
        let names = Set(labels.map(\.text))
        #expect(names.isSuperset(of: ["TX", "CA", "FL", "PA", "VA", "NC", "MT", "AK"]))
        #expect(names.isDisjoint(with: ["RI", "DC", "DE"]))   // too small at this scale
        #expect(labels.count >= 35 && labels.count == names.count)
        Self.checkNoOverlapInsideMap(labels)
        // The Alaska inset (and every inset frame) stays inside the page margins.
        let frames = try NSRegularExpression(pattern: #"<g id="insets">(.*?)</g>"#).firstMatch(in: svg, range: NSRange(svg.startIndex..., in: svg))
        let group = try #require(frames.map { (svg as NSString).substring(with: $0.range(at: 1)) })
        let xs = try NSRegularExpression(pattern: #"<rect x="([-0-9.]+)" y="[-0-9.]+" width="([0-9.]+)""#)
            .matches(in: group, range: NSRange(group.startIndex..., in: group))
            .map { (Double((group as NSString).substring(with: $0.range(at: 1))) ?? -1, Double((group as NSString).substring(with: $0.range(at: 2))) ?? 0) }
        #expect(xs.count == 3 && xs.allSatisfy { $0.0 >= 20 && $0.0 + $0.1 <= SVGDocument.width - 20 })
    }

    @Test(arguments: ["PA", "TX"]) func stateMapLabelsCitiesAndCoveredCountiesWithoutOverlap(usps: String) throws {
        let f = try Fixture.get()
        let r = try f.run.coverage(f.matched, pending: nil, options: CoverageOptions(model: .model(.taskForce), state: usps))
        let svg = try StateMap.svg(r, state: usps, agreements: MapAgreements.admitted(f.matched, pending: nil, options: r.options),
                                   gazetteer: f.gazetteer)
        let labels = try Self.labels(svg)
        #expect(labels.count >= 20)
        Self.checkNoOverlapInsideMap(labels)
        if usps == "PA" {
            // Lancaster County (sheriff's agreement) and Hazleton (its own police) are named.
            #expect(labels.contains { $0.text == "Lancaster" } && labels.contains { $0.text == "Hazleton" })
            // Counties with nobody covered are not named (Philadelphia).
            #expect(!labels.contains { $0.text == "Philadelphia" })
        }
    }

    /// Each entry of a legend ends before the right margin (the Texas by-model legend ran off it).
    @Test func legendNeverRunsOffThePage() throws {
        let f = try Fixture.get()
        let all = try f.run.coverage(f.matched, pending: nil, options: CoverageOptions(model: .all, state: "TX"))
        let svg = try StateMap.svg(all, state: "TX", agreements: MapAgreements.admitted(f.matched, pending: nil, options: all.options),
                                   gazetteer: f.gazetteer, shading: .model)
        let legend = try #require(svg.range(of: "<g id=\"legend\"").flatMap { start in svg[start.lowerBound...].range(of: "</g>").map { svg[start.lowerBound..<$0.upperBound] } })
        let texts = try NSRegularExpression(pattern: #"<text x="([0-9.]+)" y="[0-9.]+">([^<]*)</text>"#)
            .matches(in: String(legend), range: NSRange(legend.startIndex..., in: legend))
        #expect(texts.count == 7)   // title, four classes, stripes, city outline
        for m in texts {
            let x = Double((String(legend) as NSString).substring(with: m.range(at: 1))) ?? 0
            let text = (String(legend) as NSString).substring(with: m.range(at: 2)).replacingOccurrences(of: "&#39;", with: "'")
            #expect(x + SVGText.width(text, fontSize: 11) <= SVGDocument.width - 20, "\(text)")
        }
        // Laid out for any page width: entries wrap instead of running off.
        let long = Legend(title: "A title:", entries: (0..<12).map { Legend.Entry(fill: "#000000", label: "entry number \($0) with words") })
        let placed = long.layout(left: 20, top: 90, right: 500)
        #expect(placed.allSatisfy { $0.right <= 500 } && Set(placed.map(\.y)).count > 3)
    }

    @Test func eachModelHasOneColourOnMapsAndCharts() {
        #expect(Palette.modelSteps[1].colour == Palette.modelColour(.jailEnforcement))
        #expect(Palette.modelSteps[2].colour == Palette.modelColour(.warrantService))
        #expect(Palette.modelSteps[3].colour == Palette.modelColour(.taskForce))
        #expect(Set([Palette.modelColour(.jailEnforcement), Palette.modelColour(.warrantService), Palette.modelColour(.taskForce)]).count == 3)
    }
}
