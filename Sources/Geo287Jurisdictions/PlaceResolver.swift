import Geo287Core
import Geo287Census
import Geo287Geometry

/// Finds a Census place of one state from the name a police department carries, preferring
/// incorporated places over CDPs and using the COUNTY cell to tell same-name places apart.
public struct PlaceResolver {
    let places: [Place]
    let crosswalk: PlaceCountyCrosswalk
    private let byKey: [String: [Place]]
    /// By normalized NAMELSAD (`mahanoy city borough`), so a name that carries its type matches it exactly.
    private let byFullKey: [String: [Place]]
    /// Incorporated places with their normalized names, for prefix and fuzzy matching.
    private let incorporated: [(place: Place, key: String)]
    /// The same keys alone, scanned by the fuzzy search without copying a place.
    private let incorporatedKeys: [String]

    /// `places`: the state's 2019 polygons. Places of the 2020 crosswalk with no polygon (lost
    /// from the 2019 files, or new) are added without geometry: their people are known by county.
    public init(places polygonPlaces: [Place], crosswalk: PlaceCountyCrosswalk, stateFIPS: String) {
        let known = Set(polygonPlaces.map(\.geoid))
        let extra = (crosswalk.placesByState[stateFIPS] ?? []).filter { !known.contains($0) }
            .compactMap { geoid in crosswalk.partsByPlace[geoid]?.first.map { Self.crosswalkPlace(geoid: geoid, stateFIPS: stateFIPS, label: $0.placeName) } }
        let places = polygonPlaces + extra
        self.places = places
        self.crosswalk = crosswalk
        let keyed = places.map { ($0, NameKey.normalize($0.name)) }
        byKey = Dictionary(grouping: keyed, by: \.1).mapValues { $0.map(\.0) }
        byFullKey = Dictionary(grouping: places, by: { NameKey.normalize($0.nameWithType) })
        incorporated = keyed.filter { $0.0.isIncorporated }
        incorporatedKeys = incorporated.map(\.key)
    }

    /// `Lindsay city, TX` → a place named `Lindsay`, incorporated, with no polygon.
    static func crosswalkPlace(geoid: String, stateFIPS: String, label: String) -> Place {
        let full = label.split(separator: ",").first.map(String.init) ?? label
        var name = full, isCDP = false
        for suffix in [" city and borough", " CDP", " city", " town", " village", " borough", " municipality", " comunidad", " zona urbana"]
            where full.hasSuffix(suffix) {
            name = String(full.dropLast(suffix.count))
            isCDP = suffix == " CDP" || suffix == " comunidad" || suffix == " zona urbana"
            break
        }
        return Place(geoid: geoid, stateFIPS: stateFIPS, name: name, nameWithType: full, classCode: isCDP ? "U" : "C",
                     geometry: MultiPolygon([]), recordIndex: -1)
    }

    public struct Match {
        public let place: Place
        public let method: MatchMethod
        public let confidence: Double
        public let note: String?
    }

    /// Type words a place name may carry. `township` is not among them: a township is a county
    /// subdivision, and `Butler Township` is not Butler city.
    static let placeWords = ["city", "town", "village", "borough"]

    /// `key`: the normalized place name derived from the agency; `county`: ICE's county, if any.
    public func resolve(key: String, county: County?) -> Match? {
        if let hits = byFullKey[key], !hits.isEmpty, let m = choose(hits, county: county, method: .nameDerived) { return m }
        // `mahanoy city borough` → `mahanoy city` → `mahanoy`: one type word at a time.
        var variants = [key]
        var current = NameKey.stripPrefixes(key, ["city of", "town of", "village of", "borough of"])
        if current != key { variants.append(current) }
        while let last = current.split(separator: " ").last, current.contains(" "), Self.placeWords.contains(String(last)) {
            current = String(current.dropLast(last.count + 1))
            variants.append(current)
        }
        for v in variants {
            if let hits = byKey[v], !hits.isEmpty, let m = choose(hits, county: county, method: v == key ? .nameDerived : .normalized) {
                return m
            }
        }
        let isTownship = key.split(separator: " ").contains("township")
        // `Sunny Isles` for Sunny Isles Beach: a unique incorporated place whose name begins with the key.
        if !isTownship, let base = variants.last, base.count >= 5 {
            let lead = base + " "
            let prefixed = incorporatedKeys.indices.filter { incorporatedKeys[$0].hasPrefix(lead) }.map { incorporated[$0].place }
            if prefixed.count == 1, let m = choose(prefixed, county: county, method: .normalized) {
                return Match(place: m.place, method: .normalized, confidence: 0.85,
                             note: "`\(base)` taken as the short form of \(m.place.nameWithType)")
            }
        }
        // Fuzzy: a unique incorporated place within a small edit distance.
        let base = variants.last ?? key
        let tolerance = NameKey.fuzzyTolerance(base)
        guard tolerance > 0, !isTownship else { return nil }
        // Names whose length alone rules them out are skipped before any distance is computed.
        let length = base.utf8.count
        var scored: [(place: Int, distance: Int)] = []
        for (i, key) in incorporatedKeys.enumerated() where abs(key.utf8.count - length) <= tolerance {
            let d = NameKey.editDistance(key, base, limit: tolerance)
            if d <= tolerance { scored.append((i, d)) }
        }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let tied = scored.filter { $0.distance == best.distance }.map { incorporated[$0.place].place }
        guard let chosen = choose(tied, county: county, method: .fuzzy) else { return nil }
        return Match(place: chosen.place, method: .fuzzy, confidence: min(chosen.confidence, 0.7),
                     note: "`\(base)` read as \(chosen.place.nameWithType) (edit distance \(best.distance))" + (chosen.note.map { "; \($0)" } ?? ""))
    }

    func hasIncorporatedPlace(named key: String) -> Bool {
        (byKey[key] ?? []).contains { $0.isIncorporated }
    }

    func countyGEOIDs(of place: Place) -> Set<String> {
        Set((crosswalk.partsByPlace[place.geoid] ?? []).map(\.countyGEOID))
    }

    private func choose(_ hits: [Place], county: County?, method: MatchMethod) -> Match? {
        var pool = hits
        var notes: [String] = []
        let incorporated = pool.filter(\.isIncorporated)
        if !incorporated.isEmpty { pool = incorporated } else { notes.append("census designated place (not incorporated)") }
        if pool.count > 1, let county {
            let inCounty = pool.filter { countyGEOIDs(of: $0).contains(county.geoid) }
            if !inCounty.isEmpty {
                pool = inCounty
                notes.append("told apart from \(hits.count - 1) same-name place(s) by \(county.nameWithType)")
            }
        }
        // Prefer a place with a polygon when names tie in every other respect.
        let withPolygon = pool.filter { $0.recordIndex >= 0 }
        if pool.count > 1 && !withPolygon.isEmpty && withPolygon.count < pool.count { pool = withPolygon }
        guard let first = pool.first else { return nil }
        var place = first
        var confidence = method == .fuzzy ? 0.7 : (incorporated.isEmpty ? 0.75 : 0.95)
        if pool.count > 1 {
            // Still ambiguous: take the most populous and say so.
            let pop = { (p: Place) in (crosswalk.partsByPlace[p.geoid] ?? []).reduce(0) { $0 + $1.population2020 } }
            place = pool.max { pop($0) < pop($1) } ?? first
            confidence = 0.6
            notes.append("\(pool.count) places share this name; the most populous was taken")
        }
        if let county, !countyGEOIDs(of: place).isEmpty, !countyGEOIDs(of: place).contains(county.geoid), county.stateFIPS != "09" {
            // A CDP elsewhere in the state is a namesake, not the town (e.g. an incorporated
            // place lost from the 2019 files): better the county than the wrong polygon.
            if !place.isIncorporated { return nil }
            notes.append("ICE's county \(county.nameWithType) does not contain this place")
            confidence = min(confidence, 0.7)
        }
        if place.recordIndex < 0 {
            notes.append("no 2019 polygon; the place and its people per county are known from the 2020 crosswalk")
        }
        return Match(place: place, method: method, confidence: confidence, note: notes.joined(separator: "; ").nilIfEmpty)
    }
}
