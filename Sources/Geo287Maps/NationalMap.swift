import Geo287Census
import Geo287Coverage

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
        var doc = SVGDocument(title: title, subtitle: MapText.subtitle(result, place: "United States"),
                              headline: MapText.headline(result, place: "United States"),
                              description: MapText.description(result, title: title, place: "United States"),
                              notes: [MapText.method,
                                      "Alaska is shown at 35% and Puerto Rico at 150% of the scale of the lower 48; Hawaii to scale. "
                                        + "Island areas (Guam, American Samoa, Northern Mariana Islands, U.S. Virgin Islands) not shown.",
                                      MapText.source(result)])
        doc.shading = shading
        doc.layers.append(CountyLayer.svg(placed, coverage: result, shading: shading))
        doc.layers.append(CountyLayer.borders(placed))
        doc.layers.append(insetFrames(placed))
        return doc.render()
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

/// County fills (with a tooltip each) and the border lines over them.
public enum CountyLayer {
    public static func svg(_ placed: PlacedCounties, coverage: CoverageResult, shading: Shading = .share) -> String {
        let byGEOID = Dictionary(coverage.counties.map { ($0.geoid, $0) }, uniquingKeysWith: { a, _ in a })
        var s = "<g id=\"counties\">\n"
        for (i, county) in placed.counties.enumerated() {
            let c = byGEOID[county.geoid]
            let step = shading.step(c)
            let d = placed.pathData(i)
            guard !d.isEmpty else { continue }
            s += "<path class=\"\(shading.steps[step].cssClass)\" d=\"\(d)\"><title>"
            s += SVGText.escape("\(county.nameWithType), \(county.stateUSPS): \(tooltip(c))")
            s += "</title></path>\n"
        }
        return s + "</g>\n"
    }

    static func tooltip(_ c: CountyCoverage?) -> String {
        guard let c, c.population > 0 else { return "no population estimate" }
        return "\(SVGText.percent(c.share)) of \(SVGText.people(c.population)) covered"
    }

    public static func borders(_ placed: PlacedCounties) -> String {
        "<path id=\"state-borders\" d=\"\(placed.linePath(placed.stateBorderArcs()))\"/>\n"
            + "<path id=\"outline\" d=\"\(placed.linePath(placed.outlineArcs()))\"/>\n"
    }
}
