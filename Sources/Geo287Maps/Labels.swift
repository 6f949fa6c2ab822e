import Geo287Geometry

/// Map labels placed without collisions, the way a cartographer drops names: candidates come
/// in priority order, each tries a few positions, and a label is drawn only where its box
/// (estimated with `SVGText.width`, plus a halo) stays inside the frame, inside its own area
/// when it must, and clear of every label placed before it. What does not fit is left out.
public struct LabelPlacer {
    /// A position to try: the text baseline point and its anchor.
    public struct Spot: Sendable {
        public let x: Double, y: Double
        public let anchor: Anchor
        public init(x: Double, y: Double, anchor: Anchor) { self.x = x; self.y = y; self.anchor = anchor }
    }

    public enum Anchor: String, Sendable { case start, middle, end }

    public struct Style: Sendable {
        public let cssClass: String
        public let fontSize: Double
        public let bold: Bool
        public static let state = Style(cssClass: "label", fontSize: 10, bold: true)
        public static let county = Style(cssClass: "label-sm", fontSize: 9, bold: false)
        public static let city = Style(cssClass: "label-city", fontSize: 9, bold: true)
    }

    public let frame: PixelRect
    public private(set) var boxes: [PixelRect] = []
    public private(set) var texts: [String] = []
    private var svg = ""
    private let geos: GEOSContext

    public init(frame: PixelRect) throws {
        self.frame = frame
        geos = try GEOSContext()
    }

    /// The box a label covers, halo included.
    public static func box(_ text: String, at spot: Spot, style: Style) -> PixelRect {
        let w = SVGText.width(text, fontSize: style.fontSize, bold: style.bold), h = style.fontSize
        let left: Double
        switch spot.anchor {
        case .start: left = spot.x
        case .middle: left = spot.x - w / 2
        case .end: left = spot.x - w
        }
        return PixelRect(x: left - 1.5, y: spot.y - 0.8 * h - 1.5, width: w + 3, height: 1.05 * h + 3)
    }

    /// Places `text` at the first spot where it fits; `within`, when given, must contain the
    /// whole box (a state's or county's own shape). Returns whether it was placed.
    @discardableResult
    public mutating func place(_ text: String, spots: [Spot], style: Style, within: Geometry? = nil) throws -> Bool {
        for spot in spots {
            let b = LabelPlacer.box(text, at: spot, style: style)
            guard b.x >= frame.x, b.y >= frame.y, b.x + b.width <= frame.x + frame.width, b.y + b.height <= frame.y + frame.height,
                  !boxes.contains(where: { $0.overlaps(b) }) else { continue }
            if let within {
                let rect = try geos.rectangle(BoundingBox(minX: b.x, minY: b.y, maxX: b.x + b.width, maxY: b.y + b.height))
                guard try within.contains(rect) else { continue }
            }
            boxes.append(b)
            texts.append(text)
            svg += "<text class=\"\(style.cssClass)\" x=\"\(SVGText.number(spot.x))\" y=\"\(SVGText.number(spot.y))\""
                + (spot.anchor == .start ? "" : " text-anchor=\"\(spot.anchor.rawValue)\"") + ">\(SVGText.escape(text))</text>\n"
            return true
        }
        return false
    }

    /// A label centred in `shape` (pixels) when it fits inside it.
    @discardableResult
    public mutating func placeInside(_ text: String, shape: MultiPolygon, style: Style) throws -> Bool {
        guard let g = try LabelPlacer.polygonal(shape, geos: geos) else { return false }
        let (c, r) = try g.maximumInscribedCircle(tolerance: 1.5)
        guard r * 2 >= style.fontSize else { return false }
        return try place(text, spots: [Spot(x: c.x, y: c.y + 0.35 * style.fontSize, anchor: .middle)], style: style, within: g)
    }

    /// A label beside `shape` (a city, small at map scale): right of it, left, above, below,
    /// or over it; positions from its bounding box, so no GEOS work is needed.
    @discardableResult
    public mutating func placeBeside(_ text: String, shape: MultiPolygon, style: Style) throws -> Bool {
        let b = shape.bounds
        guard !b.isEmpty else { return false }
        let gap = 2.0, cx = (b.minX + b.maxX) / 2, mid = (b.minY + b.maxY) / 2 + 0.35 * style.fontSize
        return try place(text, spots: [
            Spot(x: b.maxX + gap, y: mid, anchor: .start), Spot(x: b.minX - gap, y: mid, anchor: .end),
            Spot(x: cx, y: b.minY - gap - 0.2 * style.fontSize, anchor: .middle),
            Spot(x: cx, y: b.maxY + gap + 0.8 * style.fontSize, anchor: .middle),
            Spot(x: cx, y: mid, anchor: .middle),
        ], style: style)
    }

    /// A shape (or several, dissolved: a state's counties, which share their arcs, so a
    /// coverage union joins them) as one valid GEOS geometry; nil when empty. Simplified pixel
    /// rings may cross: when the union fails, or its result is not valid, each polygon is made
    /// valid on its own (keeping its polygons only) and the parts joined by a full union.
    static func polygonal(_ shape: MultiPolygon, geos: GEOSContext) throws -> Geometry? {
        let parts = shape.polygons.filter { $0.shell.points.count >= 4 }
        guard !parts.isEmpty else { return nil }
        if let union = try? geos.geometry(MultiPolygon(parts)).coverageUnion(), try union.isValid {
            let polygons = try union.multiPolygon()
            return polygons.polygons.isEmpty ? nil : try geos.geometry(polygons)
        }
        var valid: [Polygon] = []
        for p in parts {
            let g = try geos.geometry(MultiPolygon([p]))
            valid += try g.isValid ? [p] : g.makeValid().multiPolygon().polygons
        }
        let union = try geos.geometry(MultiPolygon(valid)).unaryUnion().multiPolygon()
        return union.polygons.isEmpty ? nil : try geos.geometry(union)
    }

    public var layer: String { "<g id=\"labels\">\n" + svg + "</g>\n" }
}

extension PixelRect {
    public func overlaps(_ o: PixelRect) -> Bool {
        x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
    }
}
