/// The legend above the map: a title, then one swatch and label per entry, flowing left to
/// right and onto a new row before an entry would pass the right margin, so no entry is cut.
/// Widths are `SVGText.width` estimates at 11 px.
public struct Legend: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The swatch's fill (a colour or `url(#pattern)`).
        public let fill: String
        public let label: String
        /// Place outlines: a grey swatch with the white veil and dark outline over it.
        public var placeOutline = false
        public init(fill: String, label: String, placeOutline: Bool = false) {
            self.fill = fill; self.label = label; self.placeOutline = placeOutline
        }
    }

    /// An entry placed on the page (text baseline at `y`).
    public struct Placed: Sendable, Equatable {
        public let entry: Entry
        public let x: Double, y: Double
        public var right: Double { x + Legend.swatch + 4 + Legend.textWidth(entry.label) }
    }

    public static let fontSize = 11.0
    public static let swatch = 16.0
    public static let rowHeight = 17.0

    public let title: String
    public let entries: [Entry]
    public init(title: String, entries: [Entry]) { self.title = title; self.entries = entries }

    public static func textWidth(_ s: String) -> Double { SVGText.width(s, fontSize: fontSize) }

    /// Entries placed from (`left`, `top`) within `right`; rows after the first start at `left`.
    public func layout(left: Double, top: Double, right: Double) -> [Placed] {
        var x = left + Legend.textWidth(title) + 8, y = top
        var out: [Placed] = []
        for e in entries {
            let w = Legend.swatch + 4 + Legend.textWidth(e.label)
            if x + w > right && x > left {
                x = left
                y += Legend.rowHeight
            }
            out.append(Placed(entry: e, x: x, y: y))
            x += w + 14
        }
        return out
    }

    /// How many rows the legend takes.
    public func rows(left: Double, top: Double, right: Double) -> Int {
        let ys = Set(layout(left: left, top: top, right: right).map(\.y))
        return max(1, ys.count + (ys.contains(top) ? 0 : 1))
    }

    public func svg(left: Double, top: Double, right: Double) -> String {
        var s = "<g id=\"legend\" class=\"legend\">\n<text x=\"\(SVGText.number(left))\" y=\"\(SVGText.number(top))\">\(SVGText.escape(title))</text>\n"
        for p in layout(left: left, top: top, right: right) {
            let x = SVGText.number(p.x), y = SVGText.number(p.y - 10)
            if p.entry.placeOutline {
                s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"16\" height=\"12\" fill=\"#d9d9d9\"/>"
                s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"16\" height=\"12\" fill=\"\(Palette.placeFill)\" fill-opacity=\"0.35\" stroke=\"\(Palette.placeStroke)\" stroke-width=\"0.8\"/>"
            } else {
                s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"16\" height=\"12\" fill=\"\(p.entry.fill)\" stroke=\"#8c8c8c\" stroke-width=\"0.4\"/>"
            }
            s += "<text x=\"\(SVGText.number(p.x + Legend.swatch + 4))\" y=\"\(SVGText.number(p.y))\">\(SVGText.escape(p.entry.label))</text>\n"
        }
        return s + "</g>\n"
    }
}
