import Geo287Census
import Geo287Jurisdictions

/// The counties of a `CountyCoverageMemo`: per county (in the gazetteer's order) the list of
/// `AgreementReaches` entries reaching it on the sheet being counted and on the sheet counted
/// before, the coverage of the counties in scope in GEOID order, and per state the sums of
/// those counties, updated by the counties whose list changed.
final class MemoCounties {
    private let gazetteer: ObjectIdentifier
    private let byGEOID: [String: [Int]]
    /// Gazetteer indices of the counties in scope, by GEOID.
    private let order: [Int]
    /// Per gazetteer index: the position in `current` (-1 out of scope) and the state's index in `sums`.
    private let position: [Int]
    private let stateSlot: [Int]
    /// Per state with a county in scope.
    private(set) var sums: [CoverageCalculator.StateSum] = []
    private(set) var current: [CountyCoverage] = []
    private var kept: [[Int]]
    private var lists: [[Int]]
    /// Counties reached on this sheet, and on the sheet before.
    private var reached: [Int] = []
    private var reachedBefore: [Int] = []

    init(_ g: Gazetteer, state: String?) {
        gazetteer = ObjectIdentifier(g)
        let all = g.counties
        var byGEOID: [String: [Int]] = [:]
        for (i, c) in all.enumerated() { byGEOID[c.geoid, default: []].append(i) }
        self.byGEOID = byGEOID
        order = all.indices.filter { state == nil || all[$0].stateUSPS == state }.sorted { all[$0].geoid < all[$1].geoid }
        var position = Array(repeating: -1, count: all.count), stateSlot = Array(repeating: -1, count: all.count)
        var slots: [String: Int] = [:]
        for (p, i) in order.enumerated() {
            position[i] = p
            let c = all[i]
            if let s = slots[c.stateFIPS] { stateSlot[i] = s; continue }
            slots[c.stateFIPS] = sums.count
            stateSlot[i] = sums.count
            sums.append(CoverageCalculator.StateSum(fips: c.stateFIPS, usps: c.stateUSPS))
        }
        self.position = position
        self.stateSlot = stateSlot
        kept = Array(repeating: [], count: all.count)
        lists = Array(repeating: [], count: all.count)
    }

    func serves(_ g: Gazetteer) -> Bool { ObjectIdentifier(g) == gazetteer }

    var inScope: Int { order.count }

    func indices(of geoid: String) -> [Int] { byGEOID[geoid] ?? [] }

    /// Entry `entry` reaches county `county` (gazetteer index) on this sheet.
    func reach(_ county: Int, _ entry: Int) {
        if lists[county].isEmpty { reached.append(county) }
        lists[county].append(entry)
    }

    /// Counts anew, with `make`, the counties in scope whose list differs from the one they were
    /// last counted with (every one on the first sheet) and updates the state sums; starts the
    /// next sheet. Returns how many were counted.
    func update(_ all: [County], make: (County, [Int]) -> CountyCoverage) -> Int {
        var changed = 0
        if current.count != order.count {
            current = order.map { make(all[$0], lists[$0]) }
            for (p, i) in order.enumerated() {
                kept[i] = lists[i]
                sums[stateSlot[i]].add(current[p], 1)
            }
            changed = order.count
        } else {
            for i in reached + reachedBefore where position[i] >= 0 && kept[i] != lists[i] {
                let c = make(all[i], lists[i])
                sums[stateSlot[i]].add(current[position[i]], -1)
                sums[stateSlot[i]].add(c, 1)
                current[position[i]] = c
                kept[i] = lists[i]
                changed += 1
            }
        }
        for i in reached { lists[i].removeAll(keepingCapacity: true) }
        reachedBefore = reached
        reached = []
        return changed
    }
}

/// What the rows of one sheet add to the notes and the agreements per state.
struct MemoSheetRows {
    private var agreements: [Int] = []
    private var towns: [Int] = []
    private(set) var notCounted: [CountingRule: Int] = [:]
    private(set) var unmatched = 0

    mutating func count(_ r: AgreementReaches.Reach) {
        if r.state >= 0 { Self.bump(&agreements, r.state) }
        switch r.note {
        case .none: break
        case .unmatched: unmatched += 1
        case .town: Self.bump(&towns, r.state)
        case .notCounted(let rule): notCounted[rule, default: 0] += 1
        }
    }

    private static func bump(_ counts: inout [Int], _ i: Int) {
        if i >= counts.count { counts += Array(repeating: 0, count: i - counts.count + 1) }
        counts[i] += 1
    }

    /// Agreements (or, with `towns`, agreements with town police) per state FIPS.
    func byState(_ fips: [String], towns: Bool = false) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, n) in (towns ? self.towns : agreements).enumerated() where n > 0 { out[fips[i]] = n }
        return out
    }
}
