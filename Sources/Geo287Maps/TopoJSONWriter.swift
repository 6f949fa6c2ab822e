import Geo287Core
import Geo287Geometry

/// A TopoJSON Topology (one object) from grid arcs: each shared border is stored once, as
/// quantized, delta-encoded integers whose grid is the output precision (`transform.scale` is
/// 10^-precision, so no coordinate moves). Exterior rings run clockwise and holes
/// counter-clockwise, the winding of topojson's own tools and us-atlas that d3 expects; GDAL,
/// QGIS, mapshaper and geopandas read it. Only the arcs the features use are written, numbered
/// in order of first use, so the bytes depend only on the features.
public struct TopoJSONWriter {
    public struct Feature {
        public let id: String?
        public let properties: JSONValue
        /// Per polygon, per ring (exterior first, counter-clockwise): arc references.
        public let arcs: [[[Int]]]
        public init(id: String?, properties: JSONValue, arcs: [[[Int]]]) {
            self.id = id; self.properties = properties; self.arcs = arcs
        }
    }

    /// `about` goes into the topology as its `geo287` member.
    public static func topology(name: String, about: JSONValue, grid: CoordinateGrid, arcs: [[GridPoint]],
                                features: [Feature]) -> String {
        var renumber: [Int: Int] = [:], used: [Int] = []
        func ref(_ r: Int) -> Int {
            let a = r >= 0 ? r : ~r
            let n: Int
            if let found = renumber[a] { n = found } else { n = used.count; renumber[a] = n; used.append(a) }
            return r >= 0 ? n : ~n
        }
        var geometries: [String] = []
        geometries.reserveCapacity(features.count)
        for f in features {
            var s = "{\"type\":" + (f.arcs.isEmpty ? "null" : "\"MultiPolygon\"")
            if let id = f.id { s += ",\"id\":"; JSONValue.quote(id, into: &s) }
            s += ",\"properties\":" + f.properties.rendered(pretty: false)
            if !f.arcs.isEmpty {
                // Clockwise exteriors: every ring's references reversed.
                let polys = f.arcs.map { rings in rings.map { refs in refs.reversed().map { ref(~$0) } } }
                s += ",\"arcs\":" + "[" + polys.map { rings in
                    "[" + rings.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
                }.joined(separator: ",") + "]"
            }
            geometries.append(s + "}")
        }
        var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
        for a in used { for p in arcs[a] { minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y) } }
        if used.isEmpty { minX = 0; minY = 0; maxX = 0; maxY = 0 }
        let d = grid.precision
        let f = { (v: Int) in SVGText.fixed(v, decimals: d) }
        var s = "{\"type\":\"Topology\",\"geo287\":" + about.rendered(pretty: false)
        s += ",\"bbox\":[\(f(minX)),\(f(minY)),\(f(maxX)),\(f(maxY))]"
        s += ",\"transform\":{\"scale\":[\(f(1)),\(f(1))],\"translate\":[\(f(minX)),\(f(minY))]}"
        s += ",\"objects\":{\"\(name)\":{\"type\":\"GeometryCollection\",\"geometries\":[\n"
        s += geometries.joined(separator: ",\n")
        s += "\n]}},\"arcs\":[\n"
        var lines: [String] = []
        lines.reserveCapacity(used.count)
        for a in used {
            var pts = arcs[a]
            if pts.count == 1 { pts.append(pts[0]) }
            var line = "[", last = GridPoint(x: minX, y: minY)
            for (k, p) in pts.enumerated() {
                if k > 0 { line += "," }
                line += "[\(p.x - last.x),\(p.y - last.y)]"
                last = p
            }
            lines.append(line + "]")
        }
        return s + lines.joined(separator: ",\n") + "\n]}\n"
    }

    /// Shapes that share nothing (an agreement's territory) as arcs of their own: one arc a
    /// ring, appended to `arcs`; returns the references.
    public static func ownArcs(_ shape: [[[GridPoint]]], into arcs: inout [[GridPoint]]) -> [[[Int]]] {
        shape.map { rings in rings.map { ring in arcs.append(ring); return [arcs.count - 1] } }
    }
}
