/// The page every map shares: header, text layer (title, subtitle, legend, notes, sources),
/// and the map layers in drawing order. Text from sheets is escaped here and nowhere else.
public struct SVGDocument {
    public static let width = 975.0
    public static let mapTop = 100.0
    public static let mapHeight = 610.0
    public static var mapRect: PixelRect { PixelRect(x: 0, y: mapTop, width: width, height: mapHeight) }

    public var title: String
    public var subtitle: String
    public var headline: String
    /// Longer description for `<desc>` (screen readers, search).
    public var description: String
    /// Lines under the map: method, notes, sources (wrapped here).
    public var notes: [String]
    /// Map layers, already SVG (ids and classes from `Palette.css`), in drawing order.
    public var layers: [String] = []
    /// The legend (classes, marks, place outlines); rows past the first push the map down.
    public var legend = Legend(title: Shading.share.legendTitle, entries: [])
    /// Pattern definitions the layers use (`Palette.patterns`).
    public var defs = ""
    /// Labels drawn over every layer (`LabelLayer`).
    public var labels = ""

    public init(title: String, subtitle: String, headline: String, description: String, notes: [String]) {
        self.title = title; self.subtitle = subtitle; self.headline = headline
        self.description = description; self.notes = notes
    }

    public func render() -> String {
        let e = SVGText.escape
        let lines = notes.flatMap { SVGDocument.wrap($0, width: 165) }
        let right = SVGDocument.width - 20
        let shift = Double(legend.rows(left: 20, top: 90, right: right) - 1) * Legend.rowHeight
        let height = SVGDocument.mapTop + shift + SVGDocument.mapHeight + 14 + Double(lines.count) * 14 + 8
        let w = SVGText.number(SVGDocument.width), h = SVGText.number(height)
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        s += " role=\"img\" aria-labelledby=\"map-title map-desc\">\n"
        s += "<title id=\"map-title\">\(e(title))</title>\n"
        s += "<desc id=\"map-desc\">\(e(description))</desc>\n"
        s += "<style>\(Palette.css)</style>\n"
        s += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        s += defs
        s += shift > 0 ? "<g id=\"map\" transform=\"translate(0 \(SVGText.number(shift)))\">\n" : "<g id=\"map\">\n"
        for layer in layers { s += layer }
        s += labels
        s += "</g>\n"
        s += "<g id=\"text\">\n"
        s += "<text class=\"title\" x=\"20\" y=\"30\">\(e(title))</text>\n"
        s += "<text class=\"sub\" x=\"20\" y=\"51\">\(e(subtitle))</text>\n"
        s += "<text class=\"sub\" x=\"20\" y=\"69\" font-weight=\"bold\">\(e(headline))</text>\n"
        s += legend.svg(left: 20, top: 90, right: right)
        var y = SVGDocument.mapTop + shift + SVGDocument.mapHeight + 14
        for line in lines {
            s += "<text class=\"small\" x=\"20\" y=\"\(SVGText.number(y))\">\(e(line))</text>\n"
            y += 14
        }
        s += "</g>\n</svg>\n"
        return s
    }

    /// Greedy word wrap at `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
