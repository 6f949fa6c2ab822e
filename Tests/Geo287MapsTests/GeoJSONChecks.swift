import Foundation
import Geo287Geometry
import Testing

/// Parses a GeoJSON FeatureCollection and checks it against RFC 7946 the way a validator would.
struct GeoJSONChecks {
    let root: [String: Any]
    let features: [[String: Any]]

    init(_ text: String) throws {
        let any = try JSONSerialization.jsonObject(with: Data(text.utf8))
        root = try #require(any as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        features = try #require(root["features"] as? [[String: Any]])
    }

    func properties(_ i: Int) -> [String: Any] { features[i]["properties"] as? [String: Any] ?? [:] }

    /// Every polygon ring of a feature (rings as [[lon, lat]]), with whether it is an exterior.
    func rings(_ i: Int) -> [([[Double]], Bool)] {
        guard let g = features[i]["geometry"] as? [String: Any], let type = g["type"] as? String else { return [] }
        let polys: [[[[Double]]]]
        switch type {
        case "Polygon": polys = [(g["coordinates"] as? [[[Double]]]) ?? []]
        case "MultiPolygon": polys = (g["coordinates"] as? [[[[Double]]]]) ?? []
        default: return []
        }
        return polys.flatMap { p in p.enumerated().map { ($0.element, $0.offset == 0) } }
    }

    /// The geometry type of every feature that has one.
    var geometryTypes: Set<String> {
        Set(features.compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String })
    }

    /// A feature's geometry as a MultiPolygon (for GEOS).
    func multiPolygon(_ i: Int) -> MultiPolygon {
        var polygons: [Polygon] = []
        for (ring, exterior) in rings(i) {
            let r = Ring(ring.map { Coordinate($0[0], $0[1]) })
            if exterior { polygons.append(Polygon(shell: r, holes: [])) } else if !polygons.isEmpty { polygons[polygons.count - 1].holes.append(r) }
        }
        return MultiPolygon(polygons)
    }

    /// The features GEOS finds invalid, as "property value: reason".
    func invalidFeatures(nameKey: String) throws -> [String] {
        let geos = try GEOSContext()
        var bad: [String] = []
        for i in features.indices {
            let m = multiPolygon(i)
            guard !m.polygons.isEmpty else { continue }
            let g = try geos.geometry(m)
            if try !g.isValid { bad.append("\(properties(i)[nameKey] ?? i): \(g.validityReason)") }
        }
        return bad
    }

    /// Closed rings of at least four positions, exteriors counter-clockwise, holes clockwise,
    /// longitudes and latitudes in range; returns the number of positions checked.
    @discardableResult
    func checkRFC7946() -> Int {
        var positions = 0
        for i in features.indices {
            for (ring, exterior) in rings(i) {
                positions += ring.count
                #expect(ring.count >= 4)
                #expect(ring.first == ring.last)
                var area = 0.0
                for k in 0..<(ring.count - 1) {
                    let a = ring[k], b = ring[k + 1]
                    area += (a[0] - ring[0][0]) * (b[1] - ring[0][1]) - (b[0] - ring[0][0]) * (a[1] - ring[0][1])
                }
                if exterior ? area <= 0 : area >= 0 {
                    Issue.record("feature \(i): \(exterior ? "exterior" : "hole") ring wound the wrong way (area \(area))")
                }
                for p in ring where !(p.count == 2 && (-180...180).contains(p[0]) && (-90...90).contains(p[1])) {
                    Issue.record("feature \(i): position \(p) out of range")
                }
            }
        }
        return positions
    }
}
