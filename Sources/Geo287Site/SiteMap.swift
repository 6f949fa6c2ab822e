import Geo287Census
import Geo287Coverage
import Geo287Geometry
import Geo287Maps

/// The page's interactive map: an inline SVG, one path per county (`data-g`: its GEOID), filled
/// by the share of its residents under a **local** Task Force agreement (sheriff, county or city;
/// `Palette` classes), hatched (class `h`) where a state agency's Task Force agreement covers people
/// no local one does (statewide coverage is not a local agreement), dotted (class `kn`) where nobody
/// is covered but an agency there holds an agreement whose residents are not counted (township or
/// regional police, constables: `Shading.look`, the maps' rule), and, on a state page, the
/// cities with an agreement of their own outlined (`data-p`). The page adds hover, tap and keyboard.
enum SiteMap {
    static let nationalRect = PixelRect(x: 0, y: 0, width: 975, height: 610)
    static let stateRect = PixelRect(x: 10, y: 10, width: 780, height: 580)

    struct Scope {
        let counties: [County]
        let main: MapZone
        let toleranceMetres: Double
        let national: Bool
    }

    static func svg(_ scope: Scope, coverage: CoverageResult, places: [Place], label: String) throws -> String {
        let rect = scope.national ? nationalRect : stateRect
        // A state page uses the conic fitted to the state (north straight up), as `map --state` does.
        let projection = StateProjection(zone: scope.main, bounds: scope.counties.reduce(BoundingBox.empty) { $0.union($1.geometry.bounds) })
        let crs: (MapZone) -> String = { zone in scope.national ? zone.crs : projection.crs }
        let placed = try PlacedCounties(scope.counties, toleranceMetres: scope.toleranceMetres, mainZone: scope.main, crs: crs) { bounds in
            if scope.national { return NationalLayout.transforms(zoneBounds: bounds, map: rect) }
            var union = BoundingBox.empty
            for b in bounds.values { union = union.union(b) }
            return Dictionary(uniqueKeysWithValues: bounds.keys.map { ($0, Affine.fit(union, into: rect)) })
        }
        let byGEOID = Dictionary(coverage.counties.map { ($0.geoid, $0) }, uniquingKeysWith: { a, _ in a })
        // A state's box is cropped to the state (a wide state leaves no empty band above and below).
        var box = PixelRect(x: 0, y: 0, width: rect.width + 2 * rect.x, height: rect.height + 2 * rect.y)
        if !scope.national, let zone = placed.transforms.keys.first, let t = placed.transforms[zone], let b = placed.zoneBounds[zone],
           !b.isEmpty {
            let r = t.rect(of: b)
            box = PixelRect(x: (r.x - 8).rounded(.down), y: (r.y - 8).rounded(.down), width: (r.width + 16).rounded(.up),
                            height: (r.height + 16).rounded(.up))
        }
        func n(_ v: Double) -> String { SVGText.number(v, decimals: 0) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(n(box.x)) \(n(box.y)) \(n(box.width)) \(n(box.height))\" "
            + "role=\"group\" aria-label=\"\(SVGText.escape(label))\" class=\"map\">"
            + "<defs>" + hatches() + "</defs>\n<g class=\"counties\">"
        for (i, county) in placed.counties.enumerated() {
            let d = placed.pathData(i)
            guard !d.isEmpty else { continue }
            let look = Shading.share.look(byGEOID[county.geoid])
            s += "<path class=\"\(look.step.cssClass)\(look.statewide ? " h" : "")\" data-g=\"\(county.geoid)\""
            if !scope.national { s += " tabindex=\"0\" aria-label=\"\(SVGText.escape(county.nameWithType))\"" }
            s += " d=\"\(d)\"/>"
        }
        s += "</g>\n"
        s += "<path class=\"borders\" d=\"\(placed.linePath(placed.stateBorderArcs()))\"/>"
        s += "<path class=\"outline\" d=\"\(placed.linePath(placed.outlineArcs()))\"/>\n"
        if !places.isEmpty {
            s += try overlay(places.map { ($0.geoid, $0.geometry) }, zoneOf: { MapZone(stateFIPS: String($0.prefix(2))) }, crs: crs,
                             placed: placed, open: "<g class=\"places\">", attribute: "data-p", focusable: true)
        }
        return s + "</svg>"
    }

    /// One stripe pattern per share class (`h-k0` … `h-k5`): the class colour with dark stripes,
    /// used by `.h.kN` (the page's style); and the dots of `kn` (residents not counted).
    static func hatches() -> String {
        Palette.steps.map { step in
            "<pattern id=\"h-\(step.cssClass)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"\(step.colour)\"/><rect width=\"2.2\" height=\"6\" fill=\"#000\" fill-opacity=\".5\"/></pattern>"
        }.joined()
            + "<pattern id=\"d-\(Palette.notCounted.cssClass)\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
            + "<rect width=\"5\" height=\"5\" fill=\"\(Palette.notCounted.colour)\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.1\" fill=\"#3a3a3a\"/></pattern>"
    }

    /// Shapes drawn over the counties in the same projection and placement (agreement cities),
    /// one path each with its id in `attribute`.
    static func overlay(_ shapes: [(String, MultiPolygon)], zoneOf: (String) -> MapZone, crs: (MapZone) -> String, placed: PlacedCounties,
                        open: String, attribute: String, focusable: Bool = false) throws -> String {
        var s = open
        for (id, shape) in shapes {
            let zone = zoneOf(id)
            guard let t = placed.transforms[zone] else { continue }
            let rings = shape.polygons.flatMap { [$0.shell] + $0.holes }.map(\.points)
            let projected = try ZoneProjector.project(arcs: rings, zones: rings.map { _ in zone }, crs: crs)
            var d = ""
            for ring in projected { PathData.appendRing(ring.map(t.apply), to: &d) }
            guard !d.isEmpty else { continue }
            s += "<path \(attribute)=\"\(id)\"\(focusable ? " tabindex=\"0\"" : "") d=\"\(d)\"/>"
        }
        return s + "</g>\n"
    }
}
