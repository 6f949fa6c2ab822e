import Foundation
import Geo287Core
import Geo287Sheets

/// Resolves each agreement to the jurisdiction it governs: a state, a county or a place,
/// with the method, a confidence and a reason a reporter can read. Nothing is dropped:
/// an agreement that cannot be placed is `unmatched`, with the reason.
public struct JurisdictionMatcher: Sendable {
    public let gazetteer: Gazetteer
    public let overrides: [Override]

    public init(gazetteer: Gazetteer, overrides: [Override] = Override.table) {
        self.gazetteer = gazetteer
        self.overrides = overrides
    }

    public func match(_ agreements: [Agreement]) throws -> [MatchedAgreement] {
        // Load the place files of every state that has a municipal or other agreement, in parallel.
        // Each distinct agency is classified once (the classifier reads the same fields).
        var distinct: [String: Agreement] = [:]
        for a in agreements { distinct[Self.resolutionKey(a)] = distinct[Self.resolutionKey(a)] ?? a }
        var decisions: [String: AgencyClassifier.Decision] = [:]
        for (key, a) in distinct where a.state != nil { decisions[key] = AgencyClassifier.classify(a) }
        let states = Set(distinct.compactMap { key, a -> String? in
            guard let s = a.state, decisions[key]?.level != .state else { return nil }
            return s.fips
        }).sorted()
        // Towns and townships are needed for municipal agencies without a place: read them
        // alongside the place files (the later lazy call waits for nothing or retries).
        let gazetteer = self.gazetteer
        // A damaged or missing table is an error, not "no towns".
        let subdivisions = states.isEmpty ? nil : Prefetch { _ = try gazetteer.subdivisions(); return true }
        try gazetteer.preloadPlaces(states: states, threads: 2)
        _ = try subdivisions?.value()
        Trace.mark("places loaded")
        var resolvers: [String: PlaceResolver] = [:]
        var countyResolvers: [String: CountyResolver] = [:]
        // An agency with several models has several rows: resolve each distinct agency once
        // (the resolution reads only the state, name, type and county cell).
        var resolved: [String: Jurisdiction] = [:]
        return try agreements.map { a in
            let key = Self.resolutionKey(a)
            if let j = resolved[key] { return MatchedAgreement(agreement: a, jurisdiction: j) }
            var j = try resolve(a, decision: decisions[key], resolvers: &resolvers, countyResolvers: &countyResolvers)
            if j.kind == nil, a.state != nil { j.kind = (decisions[key] ?? AgencyClassifier.classify(a)).kind }
            j.stateUSPS = a.state?.usps
            resolved[key] = j
            return MatchedAgreement(agreement: a, jurisdiction: j)
        }
    }

    /// What resolution reads of an agreement: rows with the same key resolve alike.
    static func resolutionKey(_ a: Agreement) -> String {
        "\(a.stateAsPrinted)\u{1}\(a.agencyName)\u{1}\(a.agencyType.rawValue)\u{1}\(a.countyAsPrinted ?? "\u{2}")"
    }

    func placeResolver(_ fips: String, _ cache: inout [String: PlaceResolver]) throws -> PlaceResolver {
        if let r = cache[fips] { return r }
        let r = PlaceResolver(places: try gazetteer.places(inState: fips), crosswalk: gazetteer.crosswalk, stateFIPS: fips)
        cache[fips] = r
        return r
    }

    /// `decision`: the agreement's classification when the caller has it (else computed here).
    func resolve(_ a: Agreement, decision known: AgencyClassifier.Decision? = nil, resolvers: inout [String: PlaceResolver],
                 countyResolvers: inout [String: CountyResolver]) throws -> Jurisdiction {
        guard let state = a.state else {
            return Jurisdiction(level: .other, geoid: nil, name: a.stateAsPrinted, method: .unmatched, confidence: 0,
                                reason: "state `\(a.stateAsPrinted)` is not a known state or territory")
        }
        let nameKey = NameKey.normalize(a.agencyName)
        if let o = overrides.first(where: { $0.matches(a, normalizedName: nameKey) }) { return try o.jurisdiction(for: a, gazetteer: gazetteer) }
        let decision = known ?? AgencyClassifier.classify(a)
        let counties = countyResolvers[state.fips] ?? CountyResolver(counties: gazetteer.counties(inState: state.fips))
        countyResolvers[state.fips] = counties
        let cellCounty = a.countyAsPrinted.flatMap { counties.resolve($0) }
        switch decision.level {
        case .state:
            // Typed State but named after a city of the state (`Center Line Division of Public
            // Safety`, MI): a municipal agency.
            let places = try placeResolver(state.fips, &resolvers)
            if let town = cityPrefix(of: a, state: state, places: places) {
                return try resolveMunicipal(a, state: state, places: places, cell: cellCounty, key: town,
                                        why: "typed State Agency but named after the city of \(town.capitalized): municipal")
            }
            return Jurisdiction(level: .state, geoid: state.fips, name: state.name, method: .exact, confidence: 1,
                                reason: "\(decision.why): \(state.name)")
        case .county:
            return resolveCounty(a, state: state, counties: counties, cell: cellCounty, why: decision.why)
        case .municipal:
            let places = try placeResolver(state.fips, &resolvers)
            return try resolveMunicipal(a, state: state, places: places, cell: cellCounty, why: decision.why)
        case .other:
            let places = try placeResolver(state.fips, &resolvers)
            return try resolveOther(a, state: state, counties: counties, places: places, cell: cellCounty, why: decision.why)
        }
    }

    func resolveCounty(_ a: Agreement, state: USState, counties: CountyResolver, cell: CountyResolver.Match?, why: String) -> Jurisdiction {
        let derivedName = AgencyClassifier.countyNameInAgency(a.agencyName)
        let saysCity = derivedName.map { $0.hasSuffix(" city") || NameKey.normalize(a.agencyName).hasPrefix("city of") } ?? false
        let fromName = derivedName.flatMap { counties.resolve($0, preferCity: saysCity) }
        func make(_ m: CountyResolver.Match, _ method: MatchMethod, _ source: String) -> Jurisdiction {
            let confidence: Double = [.exact: 1, .normalized: 0.97, .nameDerived: 0.93, .fuzzy: 0.8][method] ?? 0.8
            let note = m.note.map { " (\($0))" } ?? ""
            return Jurisdiction(level: .county, geoid: m.county.geoid, name: "\(m.county.nameWithType), \(state.usps)",
                                method: method, confidence: confidence, reason: "\(why); \(source)\(note)")
        }
        switch (cell, fromName) {
        case let (c?, n?) where c.county.geoid != n.county.geoid:
            // A sheriff's office is named after its county: the name wins over a disagreeing cell.
            var j = make(n, n.method == .fuzzy ? .fuzzy : .nameDerived, "county from the agency name")
            j.reason += "; ICE's COUNTY cell says `\(a.countyAsPrinted ?? "")` (\(c.county.nameWithType)), which disagrees"
            j.confidence = 0.75
            return j
        case let (c?, _):
            return make(c, c.method, "county from ICE's COUNTY cell `\(a.countyAsPrinted ?? "")`")
        case let (nil, n?):
            return make(n, n.method == .fuzzy ? .fuzzy : .nameDerived, "county from the agency name")
        case (nil, nil):
            return Jurisdiction(level: .county, geoid: nil, name: a.agencyName, method: .unmatched, confidence: 0,
                                reason: "\(why); no county of \(state.name) matches `\(a.countyAsPrinted ?? "no COUNTY cell")` or the agency name")
        }
    }

    /// The leading words of a state agency's name when they are an incorporated place of the
    /// state and the name does not carry the state's own name.
    func cityPrefix(of a: Agreement, state: USState, places: PlaceResolver) -> String? {
        let key = NameKey.normalize(a.agencyName)
        let stateKey = NameKey.normalize(state.name)
        guard !TextSearch.contains(key, stateKey), !TextSearch.contains(key, "state"), !TextSearch.contains(key, "attorney general") else { return nil }
        let words = key.split(separator: " ").map(String.init)
        for n in stride(from: min(4, words.count - 1), through: 1, by: -1) {
            let prefix = words[0..<n].joined(separator: " ")
            if places.hasIncorporatedPlace(named: prefix) { return prefix }
        }
        return nil
    }

    func resolveMunicipal(_ a: Agreement, state: USState, places: PlaceResolver, cell: CountyResolver.Match?,
                          key derivedKey: String? = nil, why: String) throws -> Jurisdiction {
        let key = derivedKey ?? AgencyClassifier.placeNameInAgency(a.agencyName)
        if let m = places.resolve(key: key, county: cell?.county) {
            let method: MatchMethod = m.method == .fuzzy ? .fuzzy : .nameDerived
            return Jurisdiction(level: .municipal, geoid: m.place.geoid, name: "\(m.place.nameWithType), \(state.usps)",
                                method: method, confidence: m.confidence,
                                reason: "\(why): \(m.place.nameWithType) from the agency name" + (m.note.map { "; \($0)" } ?? ""))
        }
        let why = "\(why); no Census place of \(state.name) is named `\(key)`"
        // A town or township: a county subdivision, known by name and county but without a polygon.
        let subdivisions = try gazetteer.subdivisions()
        var towns = subdivisions.named(key, stateFIPS: state.fips)
        var spelling = ""
        // A misspelled town (`Pittsburgh Police Department`, NH: Pittsburg town, Coos County),
        // unless ICE's county says it is elsewhere.
        if towns.isEmpty, let near = subdivisions.closest(key, stateFIPS: state.fips),
           cell.map({ c in near.divisions.contains { $0.countyGEOID == c.county.geoid } }) ?? true {
            towns = near.divisions
            spelling = " (`\(key)` read as \(near.divisions[0].name), edit distance \(near.distance))"
        }
        let townCounties = Set(towns.map(\.countyGEOID))
        if let c = cell, townCounties.contains(c.county.geoid) || towns.isEmpty {
            let what = towns.isEmpty ? "" : "\(spelling) (\(towns[0].name) is a county subdivision of \(c.county.nameWithType), which has no polygon here)"
            return fallback(a, state: state, cell: c, level: .municipal, why: why + what)
        }
        if townCounties.count == 1, let g = townCounties.first, let county = gazetteer.countyByGEOID[g] {
            let m = CountyResolver.Match(county: county, method: .nameDerived, note: nil)
            return fallback(a, state: state, cell: m, level: .municipal,
                            why: why + "\(spelling) (\(towns[0].name) is a county subdivision of \(county.nameWithType), which has no polygon here)")
        }
        return fallback(a, state: state, cell: cell, level: .municipal,
                        why: why + (townCounties.count > 1 ? " (\(towns.count) county subdivisions share this name)" : ""))
    }

    func resolveOther(_ a: Agreement, state: USState, counties: CountyResolver, places: PlaceResolver, cell: CountyResolver.Match?, why: String) throws -> Jurisdiction {
        let key = NameKey.normalize(a.agencyName)
        // A county agency (`Bexar County Constable Precinct 3`, `Orange County Corrections`).
        if let name = countyWords(in: key), let m = counties.resolve(name) {
            return Jurisdiction(level: .other, geoid: m.county.geoid, name: "\(m.county.nameWithType), \(state.usps)",
                                method: .nameDerived, confidence: 0.9, reason: "\(why): \(m.county.nameWithType) from the agency name")
        }
        if let c = cell {
            return Jurisdiction(level: .other, geoid: c.county.geoid, name: "\(c.county.nameWithType), \(state.usps)",
                                method: c.method, confidence: 0.85,
                                reason: "\(why): the county of ICE's COUNTY cell `\(a.countyAsPrinted ?? "")`")
        }
        // A town constable or campus named after its place.
        let isConstable = TextSearch.contains(key, "constable")
        let named = NameKey.stripSuffixes(key, ["constables office", "constable office", "constables", "constable", "pa state",
                                                "police department", "police", "marshals office", "marshal"])
        let placeKey = isConstable ? Self.withoutWard(named).nilIfEmpty ?? named : named
        if let m = places.resolve(key: placeKey, county: nil), m.method != .fuzzy {
            // A constable is placed as the rows with a COUNTY cell are: in the county of the
            // place it is named after (`Lower Burrell Fourth Ward Constable`: Westmoreland County).
            let placeCounties = places.countyGEOIDs(of: m.place)
            if isConstable, placeCounties.count == 1, let g = placeCounties.first, let county = gazetteer.countyByGEOID[g] {
                return Jurisdiction(level: .other, geoid: county.geoid, name: "\(county.nameWithType), \(state.usps)",
                                    method: .nameDerived, confidence: 0.75,
                                    reason: "\(why): \(m.place.nameWithType) from the agency name, in \(county.nameWithType); the county contains it")
            }
            return Jurisdiction(level: .other, geoid: m.place.geoid, name: "\(m.place.nameWithType), \(state.usps)",
                                method: .nameDerived, confidence: 0.7, reason: "\(why): \(m.place.nameWithType) from the agency name")
        }
        // A township constable: the county of the township (a county subdivision without a polygon).
        let towns = try gazetteer.subdivisions().named(placeKey, stateFIPS: state.fips)
        if Set(towns.map(\.countyGEOID)).count == 1, let t = towns.first, let county = gazetteer.countyByGEOID[t.countyGEOID] {
            return Jurisdiction(level: .other, geoid: county.geoid, name: "\(county.nameWithType), \(state.usps)",
                                method: .nameDerived, confidence: 0.75,
                                reason: "\(why): \(t.name) is a county subdivision of \(county.nameWithType); the county contains it")
        }
        // A county's own unit named after the county without the word (`Miami Dade Corrections`).
        let words = key.split(separator: " ").map(String.init)
        let stateKey = NameKey.normalize(state.name)
        for n in stride(from: min(3, words.count - 1), through: 1, by: -1) {
            let lead = words[0..<n].joined(separator: " ")
            // `Greene Township …` is a township, not Greene County.
            let next = words[n]
            guard !["township", "borough", "city", "town", "village", "twp"].contains(next) else { continue }
            if lead != stateKey, let m = counties.resolve(lead), m.method == .exact || m.method == .normalized {
                return Jurisdiction(level: .other, geoid: m.county.geoid, name: "\(m.county.nameWithType), \(state.usps)",
                                    method: .nameDerived, confidence: 0.85,
                                    reason: "\(why): \(m.county.nameWithType), named at the head of the agency name")
            }
        }
        // A state's corrections department or prison system (not a local or regional jail).
        if ["corrections", "correctional", "correction", "prison", "doc"].contains(where: { AgencyClassifier.hasWords(key, $0) }),
           !AgencyClassifier.hasWords(key, "jail") {
            return Jurisdiction(level: .other, geoid: state.fips, name: state.name, method: .nameDerived, confidence: 0.8,
                                reason: "\(why): state corrections agency with facilities across \(state.name)")
        }
        return Jurisdiction(level: .other, geoid: nil, name: a.agencyName, method: .unmatched, confidence: 0,
                            reason: "\(why); no COUNTY cell and no county or place in the agency name")
    }

    func fallback(_ a: Agreement, state: USState, cell: CountyResolver.Match?, level: JurisdictionLevel, why: String) -> Jurisdiction {
        if let c = cell {
            return Jurisdiction(level: level, geoid: c.county.geoid, name: "\(c.county.nameWithType), \(state.usps)",
                                method: .fallbackCounty, confidence: 0.4,
                                reason: "\(why); placed in \(c.county.nameWithType) (not counted as resident coverage)")
        }
        return Jurisdiction(level: level, geoid: nil, name: a.agencyName, method: .unmatched, confidence: 0,
                            reason: "\(why); and no COUNTY cell to fall back on")
    }

    /// `lower burrell fourth ward` → `lower burrell`; `monroeville 6th ward`, `ward 2 harrisburg`
    /// → the place without its ward.
    static func withoutWard(_ key: String) -> String {
        let ordinal = #"(\d+(st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"#
        var k = key
        for pattern in [#"\b"# + ordinal + #" ward\b"#, #"\bward "# + ordinal + #"\b"#] {
            k = k.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        k = NameKey.stripPrefixes(NameKey.normalize(k), ["office of the constable", "office of constable", "constable"])
        return k
    }

    /// `bexar county constable precinct 3` → `bexar county`.
    func countyWords(in key: String) -> String? {
        for suffix in [" county", " parish"] {
            if let r = key.range(of: suffix + " ") ?? (key.hasSuffix(suffix) ? key.range(of: suffix, options: .backwards) : nil) {
                let head = String(key[..<r.upperBound])
                let name = NameKey.stripPrefixes(head, ["county of", "office of the", "the"])
                return name.isEmpty ? nil : name
            }
        }
        return nil
    }
}
