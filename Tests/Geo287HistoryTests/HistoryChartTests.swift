import Foundation
import Geo287Maps
import Geo287Sheets
import Testing

@Suite("The history chart as a graphics desk would publish it")
struct HistoryChartTests {
    @Test("a source line, every legend entry on the page, each model in its map colour")
    func publishable() throws {
        let h = try HistoryFixture.history()
        let svg = HistoryChart.svg(h)
        #expect(svg.contains("Sources: ICE 287(g) participating-agencies sheets (\(h.rows.count), 2024-12-01 to"))
        #expect(svg.contains("population estimates \(h.populationVintage)"))
        for m in SupportModel.allCases {
            #expect(svg.contains("<polyline fill=\"none\" stroke=\"\(Palette.modelColour(m))\""))
        }
        // Legend entries (one row under the subtitle): the model names, each ending before the right edge of the 1060 px page.
        let re = try NSRegularExpression(pattern: #"<text x="([0-9.]+)" y="78.0" font-size="12"[^>]*>([^<]*)</text>"#)
        let ns = svg as NSString
        let entries = re.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map {
            (Double(ns.substring(with: $0.range(at: 1))) ?? 0, ns.substring(with: $0.range(at: 2)))
        }
        #expect(entries.map(\.1) == SupportModel.allCases.map(\.displayName))
        #expect(entries.allSatisfy { $0.0 + SVGText.width($0.1, fontSize: 12) <= 1060 - 20 })
        // The page is tall enough for the source lines.
        let height = try #require(svg.range(of: #"height="([0-9.]+)""#, options: .regularExpression).map { Double(svg[$0].dropFirst(8).dropLast()) ?? 0 })
        let lastText = try NSRegularExpression(pattern: #"<text x="[0-9.]+" y="([0-9.]+)""#).matches(in: svg, range: NSRange(location: 0, length: ns.length))
            .compactMap { Double(ns.substring(with: $0.range(at: 1))) }.max() ?? 0
        #expect(lastText + 4 <= height)
    }
}
