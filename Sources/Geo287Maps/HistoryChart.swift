import Foundation
import Geo287History
import Geo287Sheets

/// A line chart of a `History` as SVG: agreements (top panel) and people covered (bottom panel)
/// per model over time, every sheet's date marked on the time axis, each model in its one
/// colour (`Palette.modelColour`, as on the maps), a legend under the title and the sources
/// under the chart. Text is XML-escaped; the bytes depend only on the history (fixed decimals,
/// no timestamps).
public enum HistoryChart {
    static let width = 1060.0
    static let left = 90.0, right = 240.0
    static let panels: [(top: Double, bottom: Double)] = [(110, 320), (400, 630)]
    static let sourceTop = 680.0, lineHeight = 15.0

    static func sourceLines(_ h: History) -> [String] {
        let span = "\(h.rows.first?.published?.description ?? "?") to \(h.rows.last?.published?.description ?? "?")"
        let text = "Sources: ICE 287(g) participating-agencies sheets (\(h.rows.count), \(span)); U.S. Census Bureau population "
            + "estimates \(h.populationVintage) and cartographic boundaries 2024; 2020 place-county crosswalk (Geocorr 2022). Made with geo287."
        return SVGDocument.wrap(text, width: 150)
    }

    public static func svg(_ h: History, models: [SupportModel] = SupportModel.allCases) -> String {
        let days = h.rows.compactMap { $0.published?.daysSinceEpoch }
        let first = days.min() ?? 0, last = max(days.max() ?? 1, first + 1)
        func x(_ d: Int) -> Double { left + Double(d - first) / Double(last - first) * (width - left - right) }
        let span = "\(h.rows.first?.published?.description ?? "?") to \(h.rows.last?.published?.description ?? "?")"
        let sources = sourceLines(h)
        let height = sourceTop + Double(sources.count) * lineHeight + 6
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
        s += "<title>\(esc("287(g) agreements and people covered, \(span)"))</title>\n"
        s += "<desc>\(esc(description(h, models: models)))</desc>\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        s += text(left, 30, "287(g) agreements and people covered by model, \(span)", size: 18, weight: "bold")
        s += text(left, 50, "One point per ICE participating sheet (\(h.rows.count) sheets); people covered: coverage union, places method, \(h.populationVintage)", size: 12, fill: "#555555")
        let series: [(title: String, unit: Double, suffix: String, value: (HistoryRow, SupportModel) -> Int)] = [
            ("Agreements", 1, "", { $0.agreements($1) }),
            ("People covered (millions)", 1_000_000, "M", { $0.covered(.model($1)) }),
        ]
        for (p, panel) in panels.enumerated() {
            let spec = series[p]
            let maxValue = h.rows.flatMap { r in models.map { Double(spec.value(r, $0)) / spec.unit } }.max() ?? 1
            let step = niceStep(max(maxValue, 1) / 5)
            let top = max(step, (maxValue / step).rounded(.up) * step)
            func y(_ v: Double) -> Double { panel.bottom - v / top * (panel.bottom - panel.top) }
            s += text(left, panel.top - 12, spec.title, size: 14, weight: "bold")
            var tick = 0.0
            while tick <= top + step / 2 {
                s += "<line x1=\"\(f(left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(tick)))\" stroke=\"#e5e5e5\"/>\n"
                s += text(left - 8, y(tick) + 4, number(tick) + (tick > 0 ? spec.suffix : ""), size: 11, anchor: "end", fill: "#555555")
                tick += step
            }
            // Every sheet's date, marked on the axis.
            for d in days {
                s += "<line x1=\"\(f(x(d)))\" y1=\"\(f(panel.bottom))\" x2=\"\(f(x(d)))\" y2=\"\(f(panel.bottom + 6))\" stroke=\"#888888\"/>\n"
            }
            s += "<line x1=\"\(f(left))\" y1=\"\(f(panel.bottom))\" x2=\"\(f(width - right))\" y2=\"\(f(panel.bottom))\" stroke=\"#333333\"/>\n"
            for m in models {
                let points = h.rows.compactMap { r in r.published.map { (x($0.daysSinceEpoch), y(Double(spec.value(r, m)) / spec.unit)) } }
                let color = Palette.modelColour(m)
                s += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "))\"/>\n"
                for (r, pt) in zip(h.rows.filter { $0.published != nil }, points) {
                    s += "<circle cx=\"\(f(pt.0))\" cy=\"\(f(pt.1))\" r=\"2.5\" fill=\"\(color)\"><title>\(esc("\(r.published?.description ?? ""): \(m.displayName), \(spec.unit == 1 ? String(spec.value(r, m)) : HistoryOutput.people(spec.value(r, m)) + " people")"))</title></circle>\n"
                }
                if let end = points.last {
                    s += text(end.0 + 8, end.1 + 4, m.abbreviation, size: 11, fill: color, weight: "bold")
                }
            }
            s += monthLabels(first: first, last: last, x: x, y: panel.bottom + 20)
        }
        s += legend(models, x: left, y: 74)
        for (i, line) in sources.enumerated() {
            s += text(left, sourceTop + Double(i) * lineHeight, line, size: 11, fill: "#555555")
        }
        s += "</svg>\n"
        return s
    }

    static func description(_ h: History, models: [SupportModel]) -> String {
        guard let a = h.rows.first, let b = h.rows.last else { return "No sheets." }
        let parts = models.map { m in
            "\(m.displayName): \(a.agreements(m)) → \(b.agreements(m)) agreements, \(HistoryOutput.people(a.covered(.model(m)))) → \(HistoryOutput.people(b.covered(.model(m)))) people covered"
        }
        return "Line chart over \(h.rows.count) ICE participating sheets from \(a.published?.description ?? "?") to \(b.published?.description ?? "?"). " + parts.joined(separator: "; ") + "."
    }

    /// One row under the title: a line in each model's colour and its name.
    static func legend(_ models: [SupportModel], x: Double, y: Double) -> String {
        var s = "", xx = x
        for m in models {
            s += "<line x1=\"\(f(xx))\" y1=\"\(f(y))\" x2=\"\(f(xx + 22))\" y2=\"\(f(y))\" stroke=\"\(Palette.modelColour(m))\" stroke-width=\"3\"/>\n"
            s += text(xx + 28, y + 4, m.displayName, size: 12)
            xx += 28 + SVGText.width(m.displayName, fontSize: 12) + 24
        }
        return s
    }

    /// `Jan 2025`-style labels at the first of each quarter inside the range.
    static func monthLabels(first: Int, last: Int, x: (Int) -> Double, y: Double) -> String {
        guard let start = SignedDate(daysSinceEpoch: first) else { return "" }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var s = ""
        var year = start.year, month = start.month
        while let d = SignedDate(year: year, month: month, day: 1), d.daysSinceEpoch <= last {
            if month % 3 == 1, d.daysSinceEpoch >= first {
                s += text(x(d.daysSinceEpoch), y, "\(names[month - 1]) \(year)", size: 11, anchor: "middle", fill: "#555555")
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return s
    }

    static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw { return m * magnitude }
        return 10 * magnitude
    }

    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    static func text(_ x: Double, _ y: Double, _ content: String, size: Int, anchor: String = "start",
                     fill: String = "#222222", weight: String = "normal") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" fill=\"\(fill)\" font-weight=\"\(weight)\">\(esc(content))</text>\n"
    }

    /// XML text and attribute escaping (the map writer's, so both SVGs follow one rule).
    public static func esc(_ s: String) -> String { SVGText.escape(s) }
}
