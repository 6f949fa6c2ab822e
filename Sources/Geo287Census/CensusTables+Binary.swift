import Geo287Core
import Geo287Geometry

/// The Census tables in `DerivedCache` entries (see `Gazetteer.load`): the county layer with its
/// polygons, the population table and the place × county crosswalk, each decoded to the value
/// its reader builds from the official file.
extension County {
    public func encode(to w: inout BinaryWriter) {
        w.string(geoid); w.string(stateFIPS); w.string(stateUSPS); w.string(name); w.string(nameWithType); w.string(lsad)
        geometry.encode(to: &w)
        w.optional(source) { w, s in s.encode(to: &w) }
    }

    public static func decode(from r: inout BinaryReader) throws -> County {
        County(geoid: try r.string(), stateFIPS: try r.string(), stateUSPS: try r.string(), name: try r.string(),
               nameWithType: try r.string(), lsad: try r.string(), geometry: try MultiPolygon.decode(from: &r),
               source: try r.optional { try RecordSource.decode(from: &$0) })
    }
}

extension PopulationTable {
    public func encode(to w: inout BinaryWriter) {
        w.string(vintage)
        for table in [counties, states] {
            w.array(table.values.sorted { $0.geoid < $1.geoid }) { w, row in
                w.string(row.geoid); w.string(row.stateName); w.string(row.name); w.int(row.base2020); w.int(row.estimate)
            }
        }
    }

    public static func decode(from r: inout BinaryReader) throws -> PopulationTable {
        let vintage = try r.string()
        func rows(_ r: inout BinaryReader) throws -> [String: Row] {
            let list = try r.array { r in
                Row(geoid: try r.string(), stateName: try r.string(), name: try r.string(), base2020: try r.int(), estimate: try r.int())
            }
            return Dictionary(list.map { ($0.geoid, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return PopulationTable(vintage: vintage, counties: try rows(&r), states: try rows(&r))
    }
}

extension PlaceCountyCrosswalk {
    /// The parts, then the tables `init(parts:)` derives from them that are costly to rebuild
    /// (the sorted places of each state, the counties' sums), as computed.
    public func encode(to w: inout BinaryWriter) {
        w.array(parts) { w, p in
            w.string(p.countyGEOID); w.optionalString(p.placeGEOID); w.string(p.stateUSPS); w.string(p.countyName)
            w.string(p.placeName); w.int(p.population2020); w.optional(p.placeShare) { $0.double($1) }; w.double(p.countyShare)
        }
        w.array(placesByState.sorted { $0.key < $1.key }) { w, e in w.string(e.key); w.strings(e.value) }
        w.array(countyPopulation2020.sorted { $0.key < $1.key }) { w, e in w.string(e.key); w.int(e.value) }
    }

    public static func decode(from r: inout BinaryReader) throws -> PlaceCountyCrosswalk {
        let parts = try r.array { r in
            Part(countyGEOID: try r.string(), placeGEOID: try r.optionalString(), stateUSPS: try r.string(), countyName: try r.string(),
                 placeName: try r.string(), population2020: try r.int(), placeShare: try r.optional { try $0.double() },
                 countyShare: try r.double())
        }
        let byState = try r.array { r in (try r.string(), try r.strings()) }
        let county = try r.array { r in (try r.string(), try r.int()) }
        var byPlace: [String: [Part]] = Dictionary(minimumCapacity: byState.reduce(0) { $0 + $1.1.count })
        for p in parts { if let g = p.placeGEOID { byPlace[g, default: []].append(p) } }
        return PlaceCountyCrosswalk(parts: parts, partsByPlace: byPlace,
                                    placesByState: Dictionary(byState, uniquingKeysWith: { a, _ in a }),
                                    countyPopulation2020: Dictionary(county, uniquingKeysWith: { a, _ in a }))
    }

    private init(parts: [Part], partsByPlace: [String: [Part]], placesByState: [String: [String]], countyPopulation2020: [String: Int]) {
        self.parts = parts
        self.partsByPlace = partsByPlace
        self.placesByState = placesByState
        self.countyPopulation2020 = countyPopulation2020
    }
}
