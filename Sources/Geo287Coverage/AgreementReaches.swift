import Geo287Jurisdictions

/// Per agreement id (`AgreementKeyTable`), what one row of it adds to a sheet's count under
/// one set of options, worked out the first time the id is met: whether the options admit it,
/// its state, what the notes count it as, and the counties it reaches, each with its
/// `CoveringAgreement` (kept once in `entries`, referred to by number). What the agreements
/// reach is kept in one flat array (`reached`), each agreement's part a range of it, so reading
/// it copies nothing.
struct AgreementReaches {
    enum Note { case none, unmatched, town, notCounted(CountingRule) }

    struct Reach {
        let admitted: Bool
        /// Index in `stateFIPS` of the agreement's state, -1 when it has none.
        let state: Int
        let note: Note
        /// Its counties and entries: `reached[entries]`.
        let entries: Range<Int>
    }

    private var reaches: [Reach?] = []
    private var notables: [Bool?] = []
    private(set) var entries: [CoveringAgreement] = []
    /// Per agreement, the counties (gazetteer indices) it reaches, each with its entry.
    private(set) var reached: ContiguousArray<(county: Int, entry: Int)> = []
    /// The agreements' states by index.
    private(set) var stateFIPS: [String] = []
    private var stateIndex: [String: Int] = [:]

    /// What a row of agreement `id` adds; `m` is read only the first time.
    mutating func reach(_ id: Int, _ m: @autoclosure () -> MatchedAgreement, options: CoverageOptions,
                        counties: MemoCounties) -> Reach {
        if id < reaches.count, let r = reaches[id] { return r }
        if id >= reaches.count { reaches += Array(repeating: nil, count: id - reaches.count + 1) }
        let made = make(m(), options: options, counties: counties)
        reaches[id] = made
        return made
    }

    /// The part of `reached` of agreement `id`, one already met.
    func entries(of id: Int) -> Range<Int> { id < reaches.count ? reaches[id]?.entries ?? 0..<0 : 0..<0 }

    /// Whether the data notes name a row of agreement `id`: its SUPPORT TYPE was not read, or
    /// its county join made an estimate.
    mutating func notable(_ id: Int, _ m: @autoclosure () -> MatchedAgreement) -> Bool {
        if id < notables.count, let n = notables[id] { return n }
        if id >= notables.count { notables += Array(repeating: nil, count: id - notables.count + 1) }
        let row = m()
        let n = row.agreement.model == nil || !row.jurisdiction.joinNotes.isEmpty
        notables[id] = n
        return n
    }

    /// As `CoverageCalculator.fresh` reads one row.
    private mutating func make(_ m: MatchedAgreement, options: CoverageOptions, counties: MemoCounties) -> Reach {
        let a = m.agreement, j = m.jurisdiction
        guard options.model.admits(a.model), let model = a.model, !(options.excludeStatewide && j.level == .state) else {
            return Reach(admitted: false, state: -1, note: .none, entries: reached.endIndex..<reached.endIndex)
        }
        let state = a.state.map { slot($0.fips) } ?? -1
        let r = options.rules.reach(j)
        var note = Note.none
        if options.state == nil || a.state?.usps == options.state {
            switch r {
            case .none: note = .unmatched
            case .unmappedTown: note = a.state == nil ? .none : .town
            case .notCounted(let rule): note = .notCounted(rule)
            case .wholeCounties, .place: break
            }
        }
        let start = reached.endIndex
        for c in j.counties {
            let covering = CoveringAgreement(
                agency: a.agencyName, model: model, level: j.level, jurisdiction: j.name, jurisdictionGEOID: j.geoid,
                pending: false, coverage: c.coverage, reach: r, basis: c.basis, exceptPlaces: j.exceptPlaceGEOIDs)
            for county in counties.indices(of: c.countyGEOID) {
                entries.append(covering)
                reached.append((county, entries.count - 1))
            }
        }
        return Reach(admitted: true, state: state, note: note, entries: start..<reached.endIndex)
    }

    private mutating func slot(_ fips: String) -> Int {
        if let i = stateIndex[fips] { return i }
        stateFIPS.append(fips)
        stateIndex[fips] = stateFIPS.count - 1
        return stateFIPS.count - 1
    }
}
