import Geo287Census
import Geo287Jurisdictions

/// The counties of a `CountyCoverageMemo`: per county (in the gazetteer's order) the list of
/// `AgreementReaches` entries it was last counted with, the coverage of the counties in scope in
/// GEOID order, and per state the sums of those counties, updated by the counties whose list
/// changed.
///
/// A county's list is the entries of the sheet's agreements that reach it, in sheet order. From
/// one sheet to the next, only the counties reached by an agreement whose number of rows changed
/// can have another list, as long as the other agreements keep their order (checked); so a sheet
/// costs a pass over its agreement ids, and lists are made anew only for those counties.
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
    /// Per gazetteer index: the list the county was last counted with, and the list being made.
    private var kept: [[Int]]
    private var lists: [[Int]]
    /// The admitted agreement ids of the sheet counted last, in row order.
    private var previous: [Int] = []
    /// Scratch, all zero / false between sheets: rows per id (previous minus current), counties to list anew.
    private var rowDelta: [Int] = []
    private var dirty: [Bool]
    /// Per gazetteer index: the last few lists the county was counted with, and their counts
    /// (a row that leaves a sheet often comes back on a later one, and its counties' lists with it).
    private var recent: [[(list: [Int], coverage: CountyCoverage)]]
    static let recentLists = 4

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
        dirty = Array(repeating: false, count: all.count)
        recent = Array(repeating: [], count: all.count)
    }

    func serves(_ g: Gazetteer) -> Bool { ObjectIdentifier(g) == gazetteer }

    var inScope: Int { order.count }

    func indices(of geoid: String) -> [Int] { byGEOID[geoid] ?? [] }

    /// Counts the sheet whose admitted agreement ids are `sheet` (row order): anew, with `make`,
    /// the counties in scope whose list differs from the one they were last counted with (every
    /// one on the first sheet), updating the state sums. Returns how many were counted.
    func update(_ sheet: [Int], _ reaches: AgreementReaches, _ all: [County], make: (County, [Int]) -> CountyCoverage) -> Int {
        defer { previous = sheet }
        if current.count != order.count {
            for id in sheet {
                for k in reaches.entries(of: id) where position[reaches.reached[k].county] >= 0 {
                    lists[reaches.reached[k].county].append(reaches.reached[k].entry)
                }
            }
            current = order.map { make(all[$0], lists[$0]) }
            for (p, i) in order.enumerated() {
                kept[i] = lists[i]
                recent[i] = [(lists[i], current[p])]
                lists[i] = []
                sums[stateSlot[i]].add(current[p], 1)
            }
            return order.count
        }
        if sheet == previous { return 0 }
        let counties = changedCounties(sheet, reaches)
        for id in sheet {
            for k in reaches.entries(of: id) where dirty[reaches.reached[k].county] {
                lists[reaches.reached[k].county].append(reaches.reached[k].entry)
            }
        }
        var changed = 0
        for i in counties {
            dirty[i] = false
            defer { lists[i].removeAll(keepingCapacity: true) }
            guard kept[i] != lists[i] else { continue }
            let c = coverage(i, all, make)
            sums[stateSlot[i]].add(current[position[i]], -1)
            sums[stateSlot[i]].add(c, 1)
            current[position[i]] = c
            kept[i] = lists[i]
            changed += 1
        }
        return changed
    }

    /// The count of county `i` with its list in `lists`: one of its recent counts, else made.
    private func coverage(_ i: Int, _ all: [County], _ make: (County, [Int]) -> CountyCoverage) -> CountyCoverage {
        if let hit = recent[i].first(where: { $0.list == lists[i] }) { return hit.coverage }
        let c = make(all[i], lists[i])
        if recent[i].count == Self.recentLists { recent[i].removeFirst() }
        recent[i].append((lists[i], c))
        return c
    }

    /// The counties in scope whose list may differ between the previous sheet and `sheet`,
    /// marked in `dirty`: those reached by an agreement whose number of rows changed when the
    /// other agreements keep their order, else every county either sheet reaches.
    private func changedCounties(_ sheet: [Int], _ reaches: AgreementReaches) -> [Int] {
        let top = max(previous.max() ?? 0, sheet.max() ?? 0)
        if rowDelta.count <= top { rowDelta += Array(repeating: 0, count: top + 1 - rowDelta.count) }
        for id in previous { rowDelta[id] += 1 }
        for id in sheet { rowDelta[id] -= 1 }
        var i = 0, j = 0, sameOrder = true
        while sameOrder {
            while i < previous.count, rowDelta[previous[i]] != 0 { i += 1 }
            while j < sheet.count, rowDelta[sheet[j]] != 0 { j += 1 }
            if i == previous.count || j == sheet.count {
                sameOrder = i == previous.count && j == sheet.count
                break
            }
            sameOrder = previous[i] == sheet[j]
            i += 1
            j += 1
        }
        var counties: [Int] = []
        for id in previous + sheet where !sameOrder || rowDelta[id] != 0 {
            for k in reaches.entries(of: id) {
                let county = reaches.reached[k].county
                guard position[county] >= 0, !dirty[county] else { continue }
                dirty[county] = true
                counties.append(county)
            }
        }
        for id in previous { rowDelta[id] = 0 }
        for id in sheet { rowDelta[id] = 0 }
        return counties
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
