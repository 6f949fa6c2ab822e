import Geo287Coverage
import Geo287Jurisdictions
import Geo287Sheets

/// How many more or fewer people are covered between two sheets, per model and under any model
/// (`all`), nationally and per state (places method, as `coverage`), and which agreements moved it.
///
/// Attribution is by county: an entry of the diff moves people when what it reaches changed
/// (added or removed while counted, switched model, moved to another jurisdiction, counted
/// differently). Every county whose covered people changed is given to the entries that reach
/// it on either side; counties with the same state and the same entries are summed into one
/// `Mover`, so every mover's people are exact sums of county changes and the movers of a model
/// add up to its national change. (A county that changed with no such entry would be a mover
/// with no `entryIDs`; coverage depends only on the agreements, so none is expected.)
public struct SheetDiffPeople: Sendable {
    public struct Total: Sendable {
        /// `ModelFilter.description`: a model or `all`.
        public let model: String
        /// USPS code; nil for the nation.
        public let state: String?
        public let before: Int
        public let after: Int
        public var delta: Int { after - before }
    }

    public struct Mover: Sendable {
        public let model: String
        public let state: String
        /// Ids of the diff entries (sorted) that together moved these counties.
        public let entryIDs: [String]
        public let agencies: [String]
        public let counties: Int
        public let delta: Int
    }

    public let populationVintage: String
    /// National totals per model filter, then per state (every state) and filter.
    public let totals: [Total]
    /// By model filter order, then largest change first.
    public let movers: [Mover]

    /// The people one entry moved alone (the movers naming only it), per model filter.
    public func delta(entryID: String, model: String) -> Int? {
        let mine = movers.filter { $0.model == model && $0.entryIDs == [entryID] }
        return mine.isEmpty ? nil : mine.reduce(0) { $0 + $1.delta }
    }

    public func national(_ model: String) -> Total? { totals.first { $0.model == model && $0.state == nil } }
    public func state(_ usps: String, _ model: String) -> Total? { totals.first { $0.model == model && $0.state == usps } }

    /// Only the parts about one state (`diff --state`): its totals stand first, as the "national" ones do.
    public func restricted(to usps: String) -> SheetDiffPeople {
        SheetDiffPeople(populationVintage: populationVintage, totals: totals.filter { $0.state == usps },
                        movers: movers.filter { $0.state == usps })
    }

    init(populationVintage: String, totals: [Total], movers: [Mover]) {
        self.populationVintage = populationVintage
        self.totals = totals
        self.movers = movers
    }

    /// Computes coverage of both sheets for every model filter (`History.filters`).
    public init(diff: SheetDiff, old: MatchedSheet, new: MatchedSheet, run: CoverageRun) throws {
        let oldByRow = Dictionary(old.matched.map { ($0.agreement.row, $0.jurisdiction) }, uniquingKeysWith: { a, _ in a })
        let newByRow = Dictionary(new.matched.map { ($0.agreement.row, $0.jurisdiction) }, uniquingKeysWith: { a, _ in a })
        var totals: [Total] = [], stateTotals: [Total] = [], movers: [Mover] = []
        var vintage = ""
        for f in History.filters {
            let options = CoverageOptions(model: f, method: .places)
            let before = try run.coverage(old, pending: nil, options: options)
            let after = try run.coverage(new, pending: nil, options: options)
            vintage = after.populationVintage
            totals.append(Total(model: f.description, state: nil, before: before.national.covered, after: after.national.covered))
            let beforeStates = Dictionary(before.states.map { ($0.usps, $0.covered) }, uniquingKeysWith: { a, _ in a })
            for s in after.states.sorted(by: { $0.usps < $1.usps }) {
                stateTotals.append(Total(model: f.description, state: s.usps, before: beforeStates[s.usps] ?? 0, after: s.covered))
            }
            // Each entry's counties where what it reaches under this filter changed.
            var reachedBy: [String: [SheetDiff.Entry]] = [:]
            for e in diff.entries {
                let was = Self.side(e.old.flatMap { oldByRow[$0.row] }, model: e.old?.model, f)
                let now = Self.side(e.new.flatMap { newByRow[$0.row] }, model: e.new?.model, f)
                guard was != now else { continue }
                for c in (was?.counties ?? []).union(now?.counties ?? []) { reachedBy[c, default: []].append(e) }
            }
            let beforeCounties = Dictionary(before.counties.map { ($0.geoid, $0.covered) }, uniquingKeysWith: { a, _ in a })
            var groups: [String: (state: String, entries: [SheetDiff.Entry], counties: Int, delta: Int)] = [:]
            for c in after.counties {
                let d = c.covered - (beforeCounties[c.geoid] ?? 0)
                guard d != 0 else { continue }
                let entries = (reachedBy[c.geoid] ?? []).sorted { $0.id < $1.id }
                let key = c.stateUSPS + "|" + entries.map(\.id).joined(separator: ";")
                var g = groups[key] ?? (c.stateUSPS, entries, 0, 0)
                g.counties += 1
                g.delta += d
                groups[key] = g
            }
            movers += groups.values.map {
                Mover(model: f.description, state: $0.state, entryIDs: $0.entries.map(\.id), agencies: $0.entries.map(\.agency),
                      counties: $0.counties, delta: $0.delta)
            }.sorted { a, b in
                abs(a.delta) != abs(b.delta) ? abs(a.delta) > abs(b.delta)
                    : (a.state, a.entryIDs.joined(separator: ";")) < (b.state, b.entryIDs.joined(separator: ";"))
            }
        }
        self.init(populationVintage: vintage, totals: totals + stateTotals, movers: movers)
    }

    /// What one side of an entry reaches under a filter: nil when the filter does not admit its
    /// model or its residents are not counted.
    struct Side: Equatable {
        let reach: Reach
        let counties: Set<String>
    }

    static func side(_ j: Jurisdiction?, model: SupportModel?, _ f: ModelFilter) -> Side? {
        guard let j, f.admits(model) else { return nil }
        let reach = j.reach
        guard reach.countsResidents else { return nil }
        return Side(reach: reach, counties: j.countyGEOIDs)
    }
}
