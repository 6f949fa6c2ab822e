import Geo287Coverage

/// County fills (with a tooltip each), the legend that explains them, and the border lines.
public struct CountyLayer {
    public let svg: String
    /// How each drawn county looks, in drawing order.
    public let looks: [CountyLook]
    public let shading: Shading

    public init(_ placed: PlacedCounties, coverage: CoverageResult, shading: Shading = .share) {
        let byGEOID = Dictionary(coverage.counties.map { ($0.geoid, $0) }, uniquingKeysWith: { a, _ in a })
        var s = "<g id=\"counties\">\n"
        var looks: [CountyLook] = []
        for (i, county) in placed.counties.enumerated() {
            let c = byGEOID[county.geoid]
            let d = placed.pathData(i)
            guard !d.isEmpty else { continue }
            let look = shading.look(c)
            looks.append(look)
            s += "<path class=\"\(look.cssClass)\" d=\"\(d)\"><title>"
            s += SVGText.escape("\(county.nameWithType), \(county.stateUSPS): \(CountyLayer.tooltip(c))")
            s += "</title></path>\n"
        }
        self.svg = s + "</g>\n"
        self.looks = looks
        self.shading = shading
    }

    /// The classes, then the stripes and dots when the map draws any, then `extra`.
    public func legend(extra: [Legend.Entry] = []) -> Legend {
        var entries = shading.steps.map { Legend.Entry(fill: $0.colour, label: $0.label) }
        if looks.contains(where: \.statewide) {
            entries.append(Legend.Entry(fill: "url(#\(Palette.stripedClass(shading.steps[0])))", label: Palette.statewideLabel))
        }
        if looks.contains(where: \.notCounted) {
            entries.append(Legend.Entry(fill: "url(#\(Palette.notCounted.cssClass))", label: Palette.notCountedLabel))
        }
        return Legend(title: shading.legendTitle, entries: entries + extra)
    }

    /// "12.3% of 45,678 covered", with what the statewide agreements add and the agreements
    /// whose residents are not counted.
    static func tooltip(_ c: CountyCoverage?) -> String {
        guard let c, c.population > 0 else { return "no population estimate" }
        var s = "\(SVGText.percent(c.share)) of \(SVGText.people(c.population)) covered"
        if c.covered > c.coveredWithoutStatewide {
            s += " (local agreements alone: \(SVGText.percent(Double(c.coveredWithoutStatewide) / Double(c.population))); the rest by a statewide agreement)"
        }
        let uncounted = Set(c.agreements.filter(Shading.residentsNotCounted).map(\.agency)).sorted()
        if !uncounted.isEmpty {
            s += "; residents not counted for: " + uncounted.joined(separator: "; ")
        }
        return s
    }

    public static func borders(_ placed: PlacedCounties) -> String {
        "<path id=\"state-borders\" d=\"\(placed.linePath(placed.stateBorderArcs()))\"/>\n"
            + "<path id=\"outline\" d=\"\(placed.linePath(placed.outlineArcs()))\"/>\n"
    }
}
