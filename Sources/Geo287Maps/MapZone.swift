import Geo287Geometry

/// Where a state is drawn, and in which equal-area (or local) projection.
public enum MapZone: String, Sendable, CaseIterable, Comparable {
    case conus, alaska, hawaii, puertoRico, islands

    public init(stateFIPS: String) {
        switch stateFIPS {
        case "02": self = .alaska
        case "15": self = .hawaii
        case "72": self = .puertoRico
        case "60", "66", "69", "78": self = .islands
        default: self = .conus
        }
    }

    /// The projected CRS: Albers equal-area for the states, the Puerto Rico state plane, and
    /// Web Mercator (only for measuring simplification tolerance) for the island areas.
    public var crs: String {
        switch self {
        case .conus: return ProjTransformer.conusAlbers
        case .alaska: return ProjTransformer.alaskaAlbers
        case .hawaii: return ProjTransformer.hawaiiAlbers
        case .puertoRico: return ProjTransformer.puertoRico
        case .islands: return "EPSG:3857"
        }
    }

    public static func < (a: MapZone, b: MapZone) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// Projects NAD83 arcs to metres, each in its zone's CRS, one PROJ call per zone.
public enum ZoneProjector {
    /// `crs` gives each zone's projection (default: the zone's own, `MapZone.crs`).
    public static func project(arcs: [[Coordinate]], zones: [MapZone],
                               crs: (MapZone) -> String = { $0.crs }) throws -> [[Coordinate]] {
        var out = arcs
        let byZone = Dictionary(grouping: arcs.indices, by: { zones[$0] })
        for zone in byZone.keys.sorted() {
            let ids = byZone[zone] ?? []
            var xs: [Double] = [], ys: [Double] = []
            for i in ids { for c in arcs[i] { xs.append(c.x); ys.append(c.y) } }
            let proj = try ProjTransformer(from: ProjTransformer.nad83, to: crs(zone))
            try proj.transform(&xs, &ys)
            var k = 0
            for i in ids {
                out[i] = arcs[i].map { _ in defer { k += 1 }; return Coordinate(xs[k], ys[k]) }
            }
        }
        return out
    }

    /// The zone of every arc: that of the first feature using it.
    public static func arcZones(_ topology: Topology, featureZones: [MapZone]) -> [MapZone] {
        topology.arcUses.map { uses in uses.first.map { featureZones[$0] } ?? .conus }
    }
}
