import Geo287Census
import Geo287Core
import Geo287Jurisdictions
import Geo287Sheets

/// Coverage as a union of jurisdictions, counting each person once: a county reached by a
/// statewide or county-level agreement is wholly covered; otherwise its covered people are
/// the distinct places that municipal agreements reach in it (places do not overlap), each
/// with its crosswalk share of the county's 2020 population applied to the Vintage 2023
/// estimate. Facility/function agencies (`other`) and fallback-county matches are listed
/// but not counted; the notes say how many.
public struct CoverageCalculator: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// What a sheet's count is made of before its notes: the counties, states and nation, and
    /// the agreements the notes name (not counted by rule, unplaced, towns per state FIPS).
    struct Tally {
        var counties: [CountyCoverage]
        var states: [StateCoverage]
        var national: NationalCoverage
        var notCounted: [CountingRule: Int] = [:]
        var unmatched = 0
        var townsByState: [String: Int] = [:]
    }

    /// `fractions`: an optional replacement for the per-county covered fraction of people not
    /// under a statewide or county agreement (the tracts method supplies its own).
    /// `memo`: counties kept from the sheet counted before (`CountyCoverageMemo`), used when it
    /// was made for these options and no `placeFractions` are given; `keys`: the agreement ids
    /// of `matched` (else the memo works them out).
    public func compute(participating: Sheet, matched: [MatchedAgreement], pending: Sheet?, pendingMatched: [MatchedAgreement],
                        options: CoverageOptions, placeFractions: ((String, [CoveringAgreement]) -> Double)? = nil,
                        memo: CountyCoverageMemo? = nil, keys: AgreementKeys? = nil) -> CoverageResult {
        let tally: Tally
        if placeFractions == nil, let memo, memo.serves(options) {
            tally = memo.tally(matched, keys: keys, calculator: self)
        } else {
            tally = fresh(matched: matched, pendingMatched: pendingMatched, options: options, placeFractions: placeFractions)
        }
        return result(tally, participating: participating, pending: pending, options: options)
    }

    /// The count of one sheet from scratch.
    func fresh(matched: [MatchedAgreement], pendingMatched: [MatchedAgreement], options: CoverageOptions,
               placeFractions: ((String, [CoveringAgreement]) -> Double)?) -> Tally {
        var reach: [String: [CoveringAgreement]] = [:]
        var agreementsByState: [String: Int] = [:]
        var notCounted: [CountingRule: Int] = [:], unmatched = 0
        var townsByState: [String: Int] = [:]
        // The two lists in turn (not concatenated: that would copy every agreement).
        for (list, isPending) in [(matched, false), (options.includePending ? pendingMatched : [], true)] { for m in list {
            guard options.model.admits(m.agreement.model), let model = m.agreement.model else { continue }
            if options.excludeStatewide && m.jurisdiction.level == .state { continue }
            if let s = m.agreement.state { agreementsByState[s.fips, default: 0] += 1 }
            let j = m.jurisdiction
            let r = options.rules.reach(j)
            // With --state, the notes count that state's agreements only (as the totals do).
            if options.state == nil || m.agreement.state?.usps == options.state {
                switch r {
                case .none: unmatched += 1
                case .unmappedTown: if let s = m.agreement.state { townsByState[s.fips, default: 0] += 1 }
                case .notCounted(let rule): notCounted[rule, default: 0] += 1
                case .wholeCounties, .place: break
                }
            }
            for c in j.counties {
                reach[c.countyGEOID, default: []].append(CoveringAgreement(
                    agency: m.agreement.agencyName, model: model, level: j.level, jurisdiction: j.name,
                    jurisdictionGEOID: j.geoid, pending: isPending, coverage: c.coverage,
                    reach: r, basis: c.basis, exceptPlaces: j.exceptPlaceGEOIDs))
            }
        } }
        let counties = gazetteer.counties.filter { options.state == nil || $0.stateUSPS == options.state }.map { county in
            countyCoverage(county, reach[county.geoid] ?? [], placeFractions: placeFractions)
        }.sorted { $0.geoid < $1.geoid }
        let states = summarizeStates(counties, agreementsByState: agreementsByState)
        return Tally(counties: counties, states: states, national: Self.national(states), notCounted: notCounted, unmatched: unmatched,
                     townsByState: townsByState)
    }

    /// The result of a tally: the towns per state, and the notes.
    func result(_ tally: Tally, participating: Sheet, pending: Sheet?, options: CoverageOptions) -> CoverageResult {
        let states = tally.states.map { s in
            var s = s
            s.uncountedTowns = tally.townsByState[s.fips] ?? 0
            return s
        }
        var notes = [
            "Population: Census county estimates \(gazetteer.population.vintage) (July 1, 2023); place parts: 2020 Census shares of each county's population (Geocorr 2022) applied to the 2023 estimates.",
            "Each person is counted once: a county under a statewide or county agreement is wholly covered; otherwise the distinct places with municipal agreements are added up.",
        ]
        for (rule, n) in tally.notCounted.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            if options.rules.on.contains(rule) {
                notes.append("\(n) \(rule.rawValue) agreement(s) with no territory of their own (a police cooperative of several towns) are listed where they sit but not counted.")
            } else {
                notes.append("\(n) agreement(s) under the rule `\(rule.rawValue)`, which is off, are listed where they sit but not counted (\(rule.reasoning); see coverage --explain).")
            }
        }
        let towns = tally.townsByState.values.reduce(0, +)
        if towns > 0 {
            let list = tally.townsByState.sorted { $0.key < $1.key }.map { "\(USState.fips($0.key)?.usps ?? $0.key) \($0.value)" }.joined(separator: ", ")
            notes.append("\(towns) agreement(s) in effect with town, township or regional police that have no polygon or population in the data (\(list)): their residents are not counted, so those states' totals are lower bounds.")
        }
        if tally.unmatched > 0 { notes.append("\(tally.unmatched) agreement(s) could not be placed (see geo287 match --report).") }
        let territories = tally.counties.filter { $0.population == 0 && $0.touched }.map(\.stateUSPS)
        if !territories.isEmpty {
            notes.append("No population estimates for \(Set(territories).sorted().joined(separator: ", ")) (territories): their agreements touch counties but add no people.")
        }
        return CoverageResult(sheet: participating, pendingSheet: options.includePending ? pending : nil, options: options,
                              populationVintage: gazetteer.population.vintage, national: tally.national, states: states,
                              counties: tally.counties, notes: notes)
    }

    /// One county reached by `reached` (in sheet order).
    func countyCoverage(_ county: County, _ reached: [CoveringAgreement],
                        placeFractions: ((String, [CoveringAgreement]) -> Double)?) -> CountyCoverage {
        let list = reached.sorted { ($0.level.rawValue, $0.agency, $0.model) < ($1.level.rawValue, $1.agency, $1.model) }
        let population = gazetteer.population(county: county.geoid) ?? 0
        let fraction = coveredFraction(county.geoid, list, placeFractions: placeFractions, statewide: true)
        let withoutState = coveredFraction(county.geoid, list, placeFractions: placeFractions, statewide: false)
        return CountyCoverage(geoid: county.geoid, name: county.nameWithType, stateUSPS: county.stateUSPS,
                              stateFIPS: county.stateFIPS, population: population,
                              covered: Int((Double(population) * fraction).rounded()),
                              coveredWithoutStatewide: Int((Double(population) * withoutState).rounded()), agreements: list)
    }

    /// The covered fraction of a county's people: 1 under a counted state or county agreement
    /// (less the places a county-wide agency does not police, unless their own agreements
    /// cover them), else the sum over distinct places (capped at 1: places do not overlap).
    func coveredFraction(_ county: String, _ list: [CoveringAgreement], placeFractions: ((String, [CoveringAgreement]) -> Double)?,
                         statewide: Bool) -> Double {
        let counted = list.filter { $0.counted && (statewide || $0.level != .state) }
        let whole = counted.filter { $0.reach == .wholeCounties }
        if whole.contains(where: { $0.exceptPlaces.isEmpty }) { return 1 }
        let places = counted.filter { if case .place = $0.reach { true } else { false } }
        if !whole.isEmpty {
            // Left out only where every county-wide agreement leaves it out and no agreement of its own covers it.
            var left = Set(whole[0].exceptPlaces)
            for w in whole.dropFirst() { left.formIntersection(w.exceptPlaces) }
            left.subtract(places.compactMap(\.jurisdictionGEOID))
            let share = left.sorted().reduce(0.0) { sum, place in
                sum + (gazetteer.crosswalk.partsByPlace[place]?.first { $0.countyGEOID == county }?.countyShare ?? 0)
            }
            return max(0, 1 - share)
        }
        if places.isEmpty { return 0 }
        if let placeFractions { return min(1, placeFractions(county, places)) }
        var byPlace: [String: Double] = [:]
        for p in places { byPlace[p.jurisdictionGEOID ?? p.jurisdiction] = p.coverage }
        // Summed in place order: a dictionary's order, and so the sum's last bit, varies by run.
        return min(1, byPlace.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value })
    }

    /// One state's sums over its counties.
    struct StateSum {
        let fips: String
        let usps: String
        var population = 0, covered = 0, withoutStatewide = 0, touched = 0
        /// Counties under a counted statewide agreement.
        var statewide = 0

        init(fips: String, usps: String) {
            self.fips = fips
            self.usps = usps
        }

        mutating func add(_ c: CountyCoverage, _ sign: Int) {
            population += sign * c.population
            covered += sign * c.covered
            withoutStatewide += sign * c.coveredWithoutStatewide
            if c.touched { touched += sign }
            if c.statewide { statewide += sign }
        }
    }

    func summarizeStates(_ counties: [CountyCoverage], agreementsByState: [String: Int]) -> [StateCoverage] {
        // One pass, sums per state (integer sums: the order of the counties does not matter).
        var sums: [String: StateSum] = [:]
        for c in counties { sums[c.stateFIPS, default: StateSum(fips: c.stateFIPS, usps: c.stateUSPS)].add(c, 1) }
        return Self.states(sums.values, agreementsByState: agreementsByState)
    }

    /// The states of `sums`, by covered people (descending), then USPS.
    static func states(_ sums: some Sequence<StateSum>, agreementsByState: [String: Int]) -> [StateCoverage] {
        sums.map { s in
            StateCoverage(fips: s.fips, usps: s.usps, name: USState.fips(s.fips)?.name ?? s.usps, population: s.population,
                          covered: s.covered, coveredWithoutStatewide: s.withoutStatewide, statewide: s.statewide > 0,
                          countiesTouched: s.touched, agreements: agreementsByState[s.fips] ?? 0)
        }.sorted { ($1.covered, $0.usps) < ($0.covered, $1.usps) }
    }

    /// The nation: the sums of `states`.
    static func national(_ states: [StateCoverage]) -> NationalCoverage {
        NationalCoverage(
            population: states.reduce(0) { $0 + $1.population }, covered: states.reduce(0) { $0 + $1.covered },
            coveredWithoutStatewide: states.reduce(0) { $0 + $1.coveredWithoutStatewide },
            countiesTouched: states.reduce(0) { $0 + $1.countiesTouched }, agreements: states.reduce(0) { $0 + $1.agreements })
    }
}
