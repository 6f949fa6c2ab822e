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
    /// Extra legend entry for place outlines.
    public var placeLegend: String?
    /// How the counties are coloured (the legend follows it).
    public var shading: Shading = .share

    public init(title: String, subtitle: String, headline: String, description: String, notes: [String]) {
        self.title = title; self.subtitle = subtitle; self.headline = headline
        self.description = description; self.notes = notes
    }

    public func render() -> String {
        let e = SVGText.escape
        let lines = notes.flatMap { SVGDocument.wrap($0, width: 165) }
        let height = SVGDocument.mapTop + SVGDocument.mapHeight + 14 + Double(lines.count) * 14 + 8
        let w = SVGText.number(SVGDocument.width), h = SVGText.number(height)
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        s += " role=\"img\" aria-labelledby=\"map-title map-desc\">\n"
        s += "<title id=\"map-title\">\(e(title))</title>\n"
        s += "<desc id=\"map-desc\">\(e(description))</desc>\n"
        s += "<style>\(Palette.css)</style>\n"
        s += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        for layer in layers { s += layer }
        s += "<g id=\"text\">\n"
        s += "<text class=\"title\" x=\"20\" y=\"30\">\(e(title))</text>\n"
        s += "<text class=\"sub\" x=\"20\" y=\"51\">\(e(subtitle))</text>\n"
        s += "<text class=\"sub\" x=\"20\" y=\"69\" font-weight=\"bold\">\(e(headline))</text>\n"
        s += legend()
        var y = SVGDocument.mapTop + SVGDocument.mapHeight + 14
        for line in lines {
            s += "<text class=\"small\" x=\"20\" y=\"\(SVGText.number(y))\">\(e(line))</text>\n"
            y += 14
        }
        s += "</g>\n</svg>\n"
        return s
    }

    private func legend() -> String {
        var s = "<g id=\"legend\" class=\"legend\">\n<text x=\"20\" y=\"90\">\(SVGText.escape(shading.legendTitle))</text>\n"
        var x = 20 + Double(shading.legendTitle.count) * 6.2 + 8
        for step in shading.steps {
            s += "<rect x=\"\(SVGText.number(x))\" y=\"80\" width=\"16\" height=\"12\" fill=\"\(step.colour)\" stroke=\"#8c8c8c\" stroke-width=\"0.4\"/>"
            s += "<text x=\"\(SVGText.number(x + 20))\" y=\"90\">\(SVGText.escape(step.label))</text>\n"
            x += 20 + Double(step.label.count) * 6.6 + 14
        }
        if let placeLegend {
            s += "<rect x=\"\(SVGText.number(x + 6))\" y=\"80\" width=\"16\" height=\"12\" fill=\"#d9d9d9\"/>"
            s += "<rect x=\"\(SVGText.number(x + 6))\" y=\"80\" width=\"16\" height=\"12\" fill=\"\(Palette.placeFill)\" fill-opacity=\"0.35\" stroke=\"\(Palette.placeStroke)\" stroke-width=\"0.8\"/>"
            s += "<text x=\"\(SVGText.number(x + 26))\" y=\"90\">\(SVGText.escape(placeLegend))</text>\n"
        }
        return s + "</g>\n"
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
