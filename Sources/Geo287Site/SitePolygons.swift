import Geo287Census
import Geo287Core
import Geo287Geometry

/// The polygons the page locates a point in ("use my location"), one file per state, loaded
/// only when a point falls in the state's box: its counties (the 1:5M layer `lookup --point`
/// uses) and the places that hold an agreement, in WGS84 longitude/latitude.
///
/// Encoding: every ring of a feature is one array of integers in units of 1e-5 degree (about
/// a metre): the first point absolute, then differences (`[x0, y0, dx1, dy1, ...]`). The page
/// tests a point against all rings of a feature with the even-odd rule (holes and islands
/// included) and measures its distance to them.
enum SitePolygons {
    static let scale = 1e5

    static func script(stateFIPS: String, counties: [County], places: [Place]) throws -> String {
        let features: (String, [(String, MultiPolygon)]) throws -> (String, JSONValue) = { key, items in
            (key, .object(try items.map { ($0.0, try rings($0.1, id: $0.0)) }))
        }
        let body = JSONValue.object([
            try features("counties", counties.sorted { $0.geoid < $1.geoid }.map { ($0.geoid, $0.geometry) }),
            try features("places", places.sorted { $0.geoid < $1.geoid }.map { ($0.geoid, $0.geometry) }),
        ])
        return "GEO287.polygons(\(JSONValue.string(stateFIPS).rendered()), \(body.rendered(pretty: false)));\n"
    }

    static func rings(_ shape: MultiPolygon, id: String) throws -> JSONValue {
        var out: [JSONValue] = []
        for polygon in shape.polygons {
            for ring in [polygon.shell] + polygon.holes where ring.points.count >= 4 {
                var ints: [JSONValue] = []
                var px = 0, py = 0
                for (i, p) in ring.points.enumerated() {
                    let x = try quantize(p.x, id), y = try quantize(p.y, id)
                    ints.append(.int(i == 0 ? x : x - px))
                    ints.append(.int(i == 0 ? y : y - py))
                    px = x; py = y
                }
                out.append(.array(ints))
            }
        }
        return .array(out)
    }

    /// A coordinate outside ±180 degrees (or not a number) is refused, naming the feature.
    static func quantize(_ degrees: Double, _ id: String) throws -> Int {
        let v = (degrees * scale).rounded()
        guard v.isFinite, abs(v) <= 18_000_000 else {
            throw DataError("GEOID \(id)", "coordinate \(degrees) is not a longitude or latitude in degrees")
        }
        return Int(v)
    }
}
