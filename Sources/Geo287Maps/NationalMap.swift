import Geo287Census
import Geo287Coverage
import Geo287Geometry

/// The national county map: lower 48 in Albers equal-area (EPSG:5070) with Alaska, Hawaii and
/// Puerto Rico insets; counties shaded by covered share, state borders and coast drawn over.
public enum NationalMap {
    /// Default simplification: 2 km at the lower-48 scale (about 0.4 px).
    public static let defaultToleranceMetres = 2000.0

    public static func svg(_ result: CoverageResult, counties allCounties: [County],
                           toleranceMetres: Double = defaultToleranceMetres, shading: Shading = .share) throws -> String {
        let counties = allCounties.filter { MapZone(stateFIPS: $0.stateFIPS) != .islands }.sorted { $0.geoid < $1.geoid }
        let map = SVGDocument.mapRect
        let placed = try PlacedCounties(counties, toleranceMetres: toleranceMetres, mainZone: .conus) {
            NationalLayout.transforms(zoneBounds: $0, map: map)
        }
        let title = "Where \(MapText.modelPhrase(result.options.model)) reach, by county"
        var doc = SVGDocument(title: title, subtitle: MapText.subtitle(result, place: "United States", shading: shading),
                              headline: MapText.headline(result, place: "United States"),
                              description: MapText.description(result, title: title, place: "United States", shading: shading),
                              notes: [MapText.method,
                                      "Alaska is shown at 35% and Puerto Rico at 150% of the scale of the lower 48; Hawaii to scale. "
                                        + "Island areas (Guam, American Samoa, Northern Mariana Islands, U.S. Virgin Islands) not shown.",
                                      MapText.source(result)])
        let countyLayer = CountyLayer(placed, coverage: result, shading: shading)
        doc.legend = countyLayer.legend()
        doc.defs = Palette.patterns(shading.steps)
        doc.layers.append(countyLayer.svg)
        doc.layers.append(CountyLayer.borders(placed))
        doc.layers.append(insetFrames(placed))
        doc.labels = try stateLabels(placed, frame: map).layer
        return doc.render()
    }

    /// State abbreviations centred in each state where they fit inside it.
    static func stateLabels(_ placed: PlacedCounties, frame: PixelRect) throws -> LabelPlacer {
        var labels = try LabelPlacer(frame: frame)
        let byState = Dictionary(grouping: placed.counties.indices, by: { placed.counties[$0].stateUSPS })
        for usps in byState.keys.sorted() {
            let shape = MultiPolygon((byState[usps] ?? []).flatMap { placed.pixelShape($0).polygons })
            try labels.placeInside(usps, shape: shape, style: .state)
        }
        return labels
    }

    /// Thin frames around the insets, like election maps draw them.
    static func insetFrames(_ placed: PlacedCounties) -> String {
        var s = "<g id=\"insets\">"
        var labels = ""
        for (zone, name) in [(MapZone.alaska, "Alaska"), (.hawaii, "Hawaii"), (.puertoRico, "Puerto Rico")] {
            guard let t = placed.transforms[zone], let b = placed.zoneBounds[zone] else { continue }
            let r = t.rect(of: b)
            let pad = 5.0
            s += "<rect x=\"\(SVGText.number(r.x - pad))\" y=\"\(SVGText.number(r.y - pad))\" "
                + "width=\"\(SVGText.number(r.width + 2 * pad))\" height=\"\(SVGText.number(r.height + 2 * pad))\"/>"
            labels += "<text class=\"small\" x=\"\(SVGText.number(r.x - pad))\" y=\"\(SVGText.number(r.y - pad - 3))\">\(name)</text>"
        }
        return s + "</g>\n<g id=\"inset-labels\">" + labels + "</g>\n"
    }
}
