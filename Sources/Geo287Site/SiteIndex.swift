import Geo287Census
import Geo287Core
import Geo287Coverage
import Geo287Geometry
import Geo287Jurisdictions

/// What the page searches and shows besides the agreements: states (with their box, to know
/// which polygons to load for a located point), counties (name, people, people covered) and
/// every Census place of the 2019 layer (name, kind, counties), so any city or town is found.
enum SiteIndex {
    /// `{"FL": {"f": "12", "n": "Florida", "b": [w, s, e, n], "p": people, "v": covered, "w": without statewide}}`.
    static func states(_ coverage: CoverageResult, counties: [County]) -> JSONValue {
        var boxes: [String: BoundingBox] = [:]
        for c in counties { boxes[c.stateUSPS] = (boxes[c.stateUSPS] ?? .empty).union(c.geometry.bounds) }
        let byUSPS = Dictionary(coverage.states.map { ($0.usps, $0) }, uniquingKeysWith: { a, _ in a })
        let pairs: [(String, JSONValue)] = USState.all.compactMap { s in
            guard let box = boxes[s.usps] else { return nil }
            let c = byUSPS[s.usps]
            return (s.usps, .object([
                ("f", .string(s.fips)), ("n", .string(s.name)),
                ("b", .array([box.minX, box.minY, box.maxX, box.maxY].map { .number($0, decimals: 3) })),
                ("p", .int(c?.population ?? 0)), ("v", .int(c?.covered ?? 0)), ("w", .int(c?.coveredWithoutStatewide ?? 0)),
            ]))
        }
        return .object(pairs)
    }

    /// `{"12057": ["Hillsborough County", people, covered, covered without statewide]}` (Task Force).
    static func counties(_ coverage: CoverageResult, counties: [County]) -> JSONValue {
        let byGEOID = Dictionary(coverage.counties.map { ($0.geoid, $0) }, uniquingKeysWith: { a, _ in a })
        return .object(counties.sorted { $0.geoid < $1.geoid }.map { c in
            let k = byGEOID[c.geoid]
            return (c.geoid, .array([.string(c.nameWithType), .int(k?.population ?? 0), .int(k?.covered ?? 0),
                                     .int(k?.coveredWithoutStatewide ?? 0)]))
        })
    }

    /// Every Census place, for the search box (`data/places.js`, loaded when the search is first
    /// used): `{"12": "Tampa|71000|57|0;…"}` by state FIPS, one entry per place separated by `;`:
    /// its name without the Census type (`SiteNames`), its code within the state, the counties it
    /// lies in (3-digit codes without leading zeros, largest part first, `,`-separated), 1 for a
    /// census-designated (unincorporated) community, its 2020 population in hundreds (to rank
    /// places of the same name), and another name it is found by. Places the crosswalk does not
    /// place in a current county (Connecticut's, whose counties became planning regions) get
    /// theirs from the overlay, or from their internal point (`CountyJoin.counties(ofPlace:)`).
    static func places(_ gazetteer: Gazetteer, states: [String]) throws -> JSONValue {
        let join = CountyJoin(gazetteer: gazetteer)
        var out: [(String, JSONValue)] = []
        for fips in states.sorted() {
            let places = try gazetteer.places(inState: fips).sorted { ($0.name, $0.geoid) < ($1.name, $1.geoid) }
            let rows: [String] = places.map { p in
                let parts = gazetteer.crosswalk.partsByPlace[p.geoid] ?? []
                let shares = parts.isEmpty ? [] : ((try? join.counties(ofPlace: p.geoid)) ?? [])
                let names = SiteNames.plain(p.name)
                let people = parts.reduce(0) { $0 + $1.population2020 }
                let fields = [clean(names.shown), compact(p.geoid.dropFirst(2)),
                              shares.map { compact($0.countyGEOID.dropFirst(2)) }.joined(separator: ","),
                              p.isIncorporated ? "0" : "1", String(people / 100), names.alias.map(clean) ?? ""]
                return (fields.last == "" ? fields.dropLast() : fields[...]).joined(separator: "|")
            }
            out.append((fips, .string(rows.joined(separator: ";"))))
        }
        return .object(out)
    }

    /// The cities that hold an agreement, with their counties: `{"1271000": ["Tampa", ["12057"]]}`
    /// (the map's city outlines and answers need them before the search index is loaded).
    static func agreementPlaces(_ gazetteer: Gazetteer, geoids: Set<String>) throws -> JSONValue {
        let join = CountyJoin(gazetteer: gazetteer)
        return .object(try geoids.sorted().compactMap { g in
            guard let p = try gazetteer.place(geoid: g) else { return nil }
            let counties = try join.counties(ofPlace: g).map { JSONValue.string($0.countyGEOID) }
            return (g, .array([.string(SiteNames.plain(p.name).shown), .array(counties)]))
        })
    }

    /// A numeric code without its leading zeros ("00075" → "75").
    static func compact(_ code: Substring) -> String {
        let trimmed = code.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// The separators of the encoding never occur in a name.
    static func clean(_ name: String) -> String {
        String(name.map { $0 == "|" || $0 == ";" ? " " : $0 })
    }
}
