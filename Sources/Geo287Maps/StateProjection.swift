import Geo287Geometry

/// The projection of a one-state map. A state of the lower 48 drawn in the national Albers
/// (central meridian 96°W) is turned by the meridian convergence, about 10° for Pennsylvania or
/// Virginia; a state map instead uses an Albers equal-area conic fitted to the state: standard
/// parallels at one sixth and five sixths of its latitude span, central meridian through its
/// middle, so north is straight up in the middle of the map. Alaska, Hawaii and Puerto Rico keep
/// their own projections (EPSG:3338, ESRI:102007, EPSG:32161), which are already fitted to them.
public struct StateProjection: Sendable, Equatable {
    /// PROJ definition (an EPSG/ESRI code or a `+proj=aea …` string).
    public let crs: String
    /// Words for the map's notes.
    public let description: String

    /// `bounds`: the state's NAD83 longitude/latitude extent.
    public init(zone: MapZone, bounds: BoundingBox) {
        guard zone == .conus, !bounds.isEmpty else {
            crs = zone.crs
            description = "Projection: \(zone.projectionName)."
            return
        }
        let span = bounds.maxY - bounds.minY
        let lat1 = bounds.minY + span / 6, lat2 = bounds.maxY - span / 6
        let lat0 = (bounds.minY + bounds.maxY) / 2, lon0 = (bounds.minX + bounds.maxX) / 2
        func n(_ v: Double) -> String { SVGText.number(v, decimals: 3) }
        crs = "+proj=aea +lat_1=\(n(lat1)) +lat_2=\(n(lat2)) +lat_0=\(n(lat0)) +lon_0=\(n(lon0)) +x_0=0 +y_0=0 +datum=NAD83 +units=m +no_defs"
        description = "Projection: Albers equal-area conic fitted to the state (standard parallels \(StateProjection.degrees(lat1, "N", "S")) "
            + "and \(StateProjection.degrees(lat2, "N", "S")), central meridian \(StateProjection.degrees(lon0, "E", "W")))."
    }

    static func degrees(_ v: Double, _ positive: String, _ negative: String) -> String {
        SVGText.number(abs(v), decimals: 1) + "°" + (v >= 0 ? positive : negative)
    }
}

extension MapZone {
    /// The projection's name for map notes.
    public var projectionName: String {
        switch self {
        case .conus: return "Albers equal-area conic, EPSG:5070"
        case .alaska: return "Alaska Albers equal-area conic, EPSG:3338"
        case .hawaii: return "Hawaii Albers equal-area conic, ESRI:102007"
        case .puertoRico: return "Puerto Rico and Virgin Islands state plane, EPSG:32161"
        case .islands: return "Web Mercator, EPSG:3857"
        }
    }
}
