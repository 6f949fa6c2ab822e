import Geo287Core
import Geo287Coverage
import Geo287Geometry
import Geo287Jurisdictions

/// One state: counties shaded by covered share, and over them the cities and towns whose own
/// police hold an agreement (Census place polygons), with the statewide note when a state
/// agency's agreement covers everyone.
public enum StateMap {
    public static let defaultToleranceMetres = 250.0

    public static func svg(_ result: CoverageResult, state usps: String, agreements: [MapAgreement], gazetteer: Gazetteer,
                           toleranceMetres: Double = defaultToleranceMetres, threads: Int = 2, shading: Shading = .share) throws -> String {
        guard let info = USState.usps(usps) else { throw DataError(usps, "not a state code") }
        let counties = gazetteer.counties(inState: info.fips).sorted { $0.geoid < $1.geoid }
        let zone = MapZone(stateFIPS: info.fips)
        let map = SVGDocument.mapRect
        let frame = PixelRect(x: map.x + 20, y: map.y + 5, width: map.width - 40, height: map.height - 10)
        let projection = StateProjection(zone: zone, bounds: counties.reduce(BoundingBox.empty) { $0.union($1.geometry.bounds) })
        let placed = try PlacedCounties(counties, toleranceMetres: toleranceMetres, mainZone: zone, crs: { _ in projection.crs }) { bounds in
            bounds.mapValues { Affine.fit($0, into: frame) }
        }
        let title = "Where \(MapText.modelPhrase(result.options.model)) reach in \(info.name)"
        let countyLayer = CountyLayer(placed, coverage: result, shading: shading)
        var notes = [MapText.method]
        let statewide = agreements.filter { $0.matched.jurisdiction.level == .state && $0.matched.jurisdiction.countsAsResidentCoverage }
        if !statewide.isEmpty {
            let names = Array(Set(statewide.map(\.matched.agreement.agencyName))).sorted()
            let shown = names.prefix(4).joined(separator: "; ") + (names.count > 4 ? " and \(names.count - 4) more" : "")
            notes.insert("Statewide: \(shown) \(names.count == 1 ? "holds a statewide agreement" : "hold statewide agreements"), "
                         + "so every county of \(info.name) counts as covered in full"
                         + (countyLayer.looks.contains(where: \.statewide)
                            ? "; stripes mark the counties where only such an agreement covers some of the people, colours and city outlines show the local agreements."
                            : "; local agreements alone cover everyone too, as the colours show."), at: 0)
        }
        notes.append(projection.description)
        notes.append(MapText.source(result) + " Places: Census TIGER/Line 2019.")
        var doc = SVGDocument(title: title, subtitle: MapText.subtitle(result, place: info.name, shading: shading),
                              headline: MapText.headline(result, place: info.name),
                              description: MapText.description(result, title: title, place: info.name, shading: shading) + " " + notes[0],
                              notes: notes)
        doc.legend = countyLayer.legend(extra: [Legend.Entry(fill: Palette.placeFill, label: "city or town with its own agreement", placeOutline: true)])
        doc.defs = Palette.patterns(shading.steps)
        doc.layers.append(countyLayer.svg)
        let transform = placed.transforms[zone] ?? Affine(scale: 1, tx: 0, ty: 0)
        let places = try placesLayer(agreements, gazetteer: gazetteer, crs: projection.crs, transform: transform,
                                     tolerancePx: toleranceMetres * transform.scale, threads: threads)
        doc.layers.append(places.svg)
        doc.layers.append("<path id=\"outline\" d=\"\(placed.linePath(placed.outlineArcs()))\"/>\n")
        doc.labels = try labels(placed, coverage: result, places: places.shapes, frame: map).layer
        return doc.render()
    }

    /// Names without collisions: first the cities and towns with their own agreement (beside
    /// their outline, largest first), then the covered counties (inside their county, most
    /// people first); what does not fit is left out.
    static func labels(_ placed: PlacedCounties, coverage: CoverageResult, places: [(name: String, pixels: MultiPolygon)],
                       frame: PixelRect) throws -> LabelPlacer {
        var labels = try LabelPlacer(frame: frame)
        for p in places.sorted(by: { ($0.pixels.area, $1.name) > ($1.pixels.area, $0.name) }) {
            try labels.placeBeside(p.name, shape: p.pixels, style: .city)
        }
        let byGEOID = Dictionary(coverage.counties.map { ($0.geoid, $0) }, uniquingKeysWith: { a, _ in a })
        let covered = placed.counties.indices.filter { (byGEOID[placed.counties[$0].geoid]?.covered ?? 0) > 0 }
        for i in covered.sorted(by: { (byGEOID[placed.counties[$0].geoid]?.population ?? 0, placed.counties[$1].geoid)
                                        > (byGEOID[placed.counties[$1].geoid]?.population ?? 0, placed.counties[$0].geoid) }) {
            try labels.placeInside(placed.counties[i].name, shape: placed.pixelShape(i), style: .county)
        }
        return labels
    }

    /// Place polygons of the municipal agreements, one path per place, sorted by GEOID, and
    /// their names and pixel shapes (for labels). TIGER place polygons reach into bays and
    /// lakes; they are clipped to the (shoreline) counties they lie in so they stay on land.
    static func placesLayer(_ agreements: [MapAgreement], gazetteer: Gazetteer, crs: String, transform: Affine,
                            tolerancePx: Double, threads: Int) throws -> (svg: String, shapes: [(name: String, pixels: MultiPolygon)]) {
        var agencies: [String: Set<String>] = [:]
        var counties: [String: Set<String>] = [:]
        for a in agreements where a.matched.jurisdiction.level == .municipal && a.matched.jurisdiction.countsAsResidentCoverage {
            guard let g = a.matched.jurisdiction.geoid, g.count == 7 else { continue }
            agencies[g, default: []].insert(a.matched.agreement.agencyName)
            counties[g, default: []].formUnion(a.matched.jurisdiction.counties.map(\.countyGEOID))
        }
        try gazetteer.loadPlaceGeometries(Set(agencies.keys), threads: threads)
        let proj = try ProjTransformer(from: ProjTransformer.nad83, to: crs)
        let geos = try GEOSContext()
        var s = "<g id=\"places\">\n"
        var shapes: [(name: String, pixels: MultiPolygon)] = []
        for geoid in agencies.keys.sorted() {
            guard let place = try gazetteer.place(geoid: geoid), !place.geometry.polygons.isEmpty else { continue }
            let land = (counties[geoid] ?? []).sorted().compactMap { gazetteer.countyByGEOID[$0]?.geometry }
            let clipped = (try? clip(place.geometry, to: land, geos: geos)) ?? place.geometry
            let pixels = try proj.transform(clipped).mapCoordinates(transform.apply)
            var d = ""
            for p in pixels.polygons {
                for r in [p.shell] + p.holes {
                    let keep = Simplifier.keep(r.points, tolerance: tolerancePx)
                    PathData.appendRing(keep.map { r.points[$0] }, to: &d)
                }
            }
            guard !d.isEmpty else { continue }
            shapes.append((place.name, pixels))
            let label = "\(place.nameWithType): " + (agencies[geoid] ?? []).sorted().joined(separator: "; ")
            s += "<path fill-rule=\"evenodd\" d=\"\(d)\"><title>\(SVGText.escape(label))</title></path>\n"
        }
        return (s + "</g>\n", shapes)
    }

    /// The part of `shape` inside the union of `land`; the shape itself when there is no land.
    static func clip(_ shape: MultiPolygon, to land: [MultiPolygon], geos: GEOSContext) throws -> MultiPolygon {
        guard !land.isEmpty else { return shape }
        let mask = try geos.geometry(MultiPolygon(land.flatMap(\.polygons))).unaryUnion()
        let out = try geos.geometry(shape).intersection(mask).multiPolygon()
        return out.polygons.isEmpty ? shape : out
    }
}
