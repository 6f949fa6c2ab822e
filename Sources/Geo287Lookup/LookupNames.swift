import Geo287Census
import Geo287Core
import Geo287Jurisdictions

/// Resolves the county and place names people type, through the matcher's own resolvers
/// (`CountyResolver`, `PlaceResolver`). A lookup answers for one place, so it does not guess:
/// a misspelling the matcher would accept (`Colier County` → Collier) is returned as a
/// suggestion, and a name several counties or places share is an error listing them.
struct LookupNames {
    let gazetteer: Gazetteer

    // MARK: Counties

    func county(_ text: String) throws -> County {
        let (name, state) = try LookupQuery.nameAndState(text)
        let states = state.map { [$0] } ?? USState.all
        var exact: [County] = [], fuzzy: [County] = []
        for st in states {
            let pool = gazetteer.counties(inState: st.fips)
            guard !pool.isEmpty, let m = CountyResolver(counties: pool).resolve(name) else { continue }
            if m.method == .fuzzy { fuzzy.append(m.county) } else { exact.append(m.county) }
        }
        let whereText = state.map { " in \($0.name)" } ?? ""
        // `Fairfax, VA`, `Baltimore, MD`: a county and an independent city share the name.
        let bare = NameKey.normalize(name)
        if exact.count == 1, let c = exact.first, NameKey.stripSuffixes(bare, CountyResolver.typeSuffixes + ["city"]) == bare {
            let twins = gazetteer.counties(inState: c.stateFIPS).filter { NameKey.normalize($0.name) == NameKey.normalize(c.name) }
            if twins.count > 1 { exact = twins }
        }
        if exact.count == 1, let c = exact.first { return c }
        if exact.count > 1 {
            let related = suggestions(name, in: states.flatMap { gazetteer.counties(inState: $0.fips) })
                .filter { s in s.score == 0 && !exact.contains { $0.geoid == s.county.geoid } }.map(\.county)
            let also = related.isEmpty ? "" : " (and \(related.count) with a related name)"
            throw LookupError(.ambiguous, "`\(name)` names \(exact.count) counties\(also); add the state or the type, e.g. `\(Self.label(exact[0]))`",
                              suggestions: (exact + related).prefix(12).map(Self.label))
        }
        var hints = fuzzy
        for s in suggestions(name, in: states.flatMap { gazetteer.counties(inState: $0.fips) }) where !hints.contains(where: { $0.geoid == s.county.geoid }) {
            hints.append(s.county)
        }
        throw LookupError(.unknownName, "no county\(whereText) is named `\(name)`", suggestions: hints.prefix(5).map(Self.label))
    }

    static func label(_ c: County) -> String { "\(c.nameWithType), \(c.stateUSPS)" }

    /// Counties whose name contains the typed name as whole words (`Dade` → Miami-Dade; score 0),
    /// then those within the matcher's misspelling tolerance (at least 1), closest first.
    func suggestions(_ name: String, in pool: [County]) -> [(county: County, score: Int)] {
        let base = NameKey.stripSuffixes(NameKey.normalize(name), CountyResolver.typeSuffixes)
        guard !base.isEmpty else { return [] }
        let scored = pool.compactMap { c -> (county: County, score: Int)? in
            let key = NameKey.normalize(c.name)
            if key != base, (" " + key + " ").contains(" " + base + " ") { return (c, 0) }
            // `Hillsboro` → Hillsborough: the typed name is how the county's name begins.
            if base.count >= 5, key.hasPrefix(base) { return (c, 1) }
            let d = NameKey.editDistance(key, base)
            return d <= max(1, NameKey.fuzzyTolerance(base)) ? (c, d) : nil
        }
        return scored.sorted { ($0.score, $0.county.geoid) < ($1.score, $1.county.geoid) }
    }

    // MARK: Places

    struct PlaceHit {
        let place: Place
        let note: String?
    }

    /// A place query's answer: a Census place, or a town, township or borough known only by its
    /// county (Pennsylvania and New Jersey townships, New England towns).
    enum PlaceOrTown {
        case place(PlaceHit)
        case town(CountySubdivisions.Division)
    }

    /// `Stowe township` → `Stowe Township`.
    static func townName(_ d: CountySubdivisions.Division) -> String {
        var words = d.name.split(separator: " ").map(String.init)
        if let last = words.last { words[words.count - 1] = last.prefix(1).uppercased() + last.dropFirst() }
        return words.joined(separator: " ")
    }

    /// A place, else (with a state) a town or township of that name. `Name, County, ST` picks
    /// among the places and towns of that name the one in that county.
    func placeOrTown(_ text: String) throws -> PlaceOrTown {
        if let scoped = try inCounty(text) { return scoped }
        do {
            return .place(try place(text))
        } catch let e as LookupError where e.kind == .unknownName {
            let (name, state) = try LookupQuery.nameAndState(text)
            guard let st = state else { throw e }
            let towns = try gazetteer.subdivisions().named(NameKey.normalize(name), stateFIPS: st.fips)
            if towns.count == 1, let t = towns.first { return .town(t) }
            guard towns.count > 1 else { throw e }
            throw LookupError(.ambiguous, "`\(name)` names \(towns.count) towns or townships in \(st.name); add the county, e.g. `\(townQuery(towns[0], st))`",
                              suggestions: towns.map { townQuery($0, st) })
        }
    }

    /// `Washington Township, Westmoreland County, PA`: how a town is asked for by its county.
    func townQuery(_ d: CountySubdivisions.Division, _ st: USState) -> String {
        "\(Self.townName(d)), \(gazetteer.countyByGEOID[d.countyGEOID]?.nameWithType ?? d.countyGEOID), \(st.usps)"
    }

    /// `Name, County, ST` (the middle part a county of that state): the place or town of that name
    /// in that county. Nil when the text has no such county part (then it is read as a name).
    func inCounty(_ text: String) throws -> PlaceOrTown? {
        let (full, state) = try LookupQuery.nameAndState(text)
        guard let st = state, let comma = full.lastIndex(of: ",") else { return nil }
        let name = full[..<comma].trimmingCharacters(in: .whitespaces)
        let countyText = full[full.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let resolved = CountyResolver(counties: gazetteer.counties(inState: st.fips)).resolve(countyText),
              resolved.method != .fuzzy else { return nil }
        let county = resolved.county
        let key = NameKey.normalize(name)
        // Places of that name (or the name the matcher reads) whose parts include the county.
        let statePlaces = try gazetteer.places(inState: st.fips)
        let resolver = PlaceResolver(places: statePlaces, crosswalk: gazetteer.crosswalk, stateFIPS: st.fips)
        let join = CountyJoin(gazetteer: gazetteer)
        let named = statePlaces.filter { NameKey.normalize($0.name) == key || NameKey.normalize($0.nameWithType) == key }
        var places: [Place] = []
        for p in named where try join.counties(ofPlace: p.geoid).contains(where: { $0.countyGEOID == county.geoid }) { places.append(p) }
        if places.isEmpty, let m = resolver.resolve(key: key, county: nil), m.method != .fuzzy,
           try join.counties(ofPlace: m.place.geoid).contains(where: { $0.countyGEOID == county.geoid }) {
            places = [m.place]
        }
        let incorporated = places.filter(\.isIncorporated)
        if let p = (incorporated.count == 1 ? incorporated.first : places.count == 1 ? places.first : nil) {
            return .place(PlaceHit(place: p, note: nil))
        }
        let towns = try gazetteer.subdivisions().named(key, stateFIPS: st.fips).filter { $0.countyGEOID == county.geoid }
        if places.isEmpty, towns.count == 1, let t = towns.first { return .town(t) }
        if places.count + towns.count > 1 {
            throw LookupError(.ambiguous, "`\(name)` names \(places.count + towns.count) places or towns in \(Self.label(county))",
                              suggestions: places.map(placeLabel) + towns.map { townQuery($0, st) })
        }
        throw LookupError(.unknownName, "no city, town or township in \(Self.label(county)) is named `\(name)`",
                          suggestions: Array((named.map(placeLabel) + (try gazetteer.subdivisions().named(key, stateFIPS: st.fips).map { townQuery($0, st) })).prefix(5)))
    }

    func place(_ text: String) throws -> PlaceHit {
        let (name, state) = try LookupQuery.nameAndState(text)
        let states = state.map { [$0] } ?? USState.all
        if state == nil { try gazetteer.preloadPlaces(states: states.map(\.fips), threads: 2) }
        let key = NameKey.normalize(name)
        var exact: [PlaceHit] = [], shortForms: [PlaceHit] = [], fuzzy: [Place] = [], common: [Place] = [], commonFuzzy: [Place] = []
        let tolerance = NameKey.fuzzyTolerance(key)
        for st in states {
            let places = try gazetteer.places(inState: st.fips)
            guard !places.isEmpty else { continue }
            // Everyday names of consolidated city-counties and `Urban …` places (`Nashville`, `Honolulu`).
            for p in places {
                guard let k = PlainNames.commonKey(p) else { continue }
                if k == key { common.append(p) } else if tolerance > 0, NameKey.editDistance(k, key) <= tolerance { commonFuzzy.append(p) }
            }
            let resolver = PlaceResolver(places: places, crosswalk: gazetteer.crosswalk, stateFIPS: st.fips)
            guard let m = resolver.resolve(key: key, county: nil) else { continue }
            if m.method == .fuzzy { fuzzy.append(m.place); continue }
            // Every place of the state with the chosen name and kind: several means ambiguous.
            let sameName = places.filter {
                NameKey.normalize($0.name) == NameKey.normalize(m.place.name) && $0.isIncorporated == m.place.isIncorporated
            }
            if sameName.count > 1 {
                exact += sameName.map { PlaceHit(place: $0, note: nil) }
            } else if m.note?.contains("short form") == true {
                // `Sunny Isles` for Sunny Isles Beach
                shortForms.append(PlaceHit(place: m.place, note: "`\(name)` read as \(PlainNames.place(m.place))"))
            } else {
                exact.append(PlaceHit(place: m.place, note: nil))
            }
        }
        // `Kansas City`: places named exactly so win over `Kansas` (the matcher strips a trailing
        // `city`), which win over short forms.
        let named = exact.filter { NameKey.normalize($0.place.name) == NameKey.stripPrefixes(key, ["city of", "town of", "village of", "borough of"]) }
        if !named.isEmpty { exact = named }
        if exact.isEmpty { exact = shortForms }
        if common.count == 1, let p = common.first {
            let rest = exact.filter { $0.place.geoid != p.geoid }.count
            let others = rest == 0 ? "" : "; \(rest) other place\(rest == 1 ? "" : "s") of that name: add the state for \(rest == 1 ? "it" : "one of them")"
            if state != nil, rest == 0 { return PlaceHit(place: p, note: nil) }
            return PlaceHit(place: p, note: "`\(name)` read as \(PlainNames.place(p)), \(USState.fips(p.stateFIPS)?.name ?? "")\(others)")
        }
        if exact.count == 1, let hit = exact.first { return hit }
        // Incorporated places first: `Springfield` is a city in several states and a CDP in more.
        let incorporated = exact.filter(\.place.isIncorporated)
        if exact.count > 1, incorporated.count == 1, let hit = incorporated.first, state != nil { return hit }
        if exact.count > 1 {
            let list = (incorporated + exact.filter { !$0.place.isIncorporated }).map { placeLabel($0.place) }
            let shown = Array(list.prefix(25)) + (list.count > 25 ? ["… and \(list.count - 25) more"] : [])
            throw LookupError(.ambiguous, "`\(name)` names \(exact.count) places; add the state (and pick one), e.g. `\(exact[0].place.name), \(Self.usps(exact[0].place))`",
                              suggestions: shown)
        }
        var hints = (commonFuzzy + fuzzy).map(placeLabel)
        // A county name given as a place: point to --county.
        for st in states {
            if let c = CountyResolver(counties: gazetteer.counties(inState: st.fips)).resolve(name), c.method != .fuzzy {
                hints.append("\(Self.label(c.county)) (a county: use --county)")
            }
        }
        // A misspelt county given as a place (`Hillsboro County, FL`): the county suggestions.
        if hints.isEmpty, let st = state, NameKey.stripSuffixes(key, CountyResolver.typeSuffixes) != key {
            hints = suggestions(name, in: gazetteer.counties(inState: st.fips)).prefix(3).map { "\(Self.label($0.county)) (a county: use --county)" }
        }
        let whereText = state.map { " in \($0.name)" } ?? ""
        throw LookupError(.unknownName, "no city, town or community\(whereText) is named `\(name)`", suggestions: Array(hints.prefix(5)))
    }

    static func usps(_ p: Place) -> String { USState.fips(p.stateFIPS)?.usps ?? p.stateFIPS }

    /// `Springfield city, IL (Sangamon County)`.
    func placeLabel(_ p: Place) -> String {
        let counties = (gazetteer.crosswalk.partsByPlace[p.geoid] ?? [])
            .sorted { $0.population2020 > $1.population2020 }
            .compactMap { gazetteer.countyByGEOID[$0.countyGEOID]?.nameWithType }
        let inCounties = counties.isEmpty ? "" : " (\(counties.prefix(3).joined(separator: ", "))\(counties.count > 3 ? ", …" : ""))"
        return "\(PlainNames.place(p)), \(Self.usps(p))\(inCounties)"
    }
}
