import Geo287Core
import Geo287Jurisdictions

/// Pairs removed and added rows that are one agreement whose name ICE corrected between two
/// sheets. Both rows have the same state and model, and the same county when both name one
/// (up to a typo). Then either
/// - the names are equivalent: equal once a leading `City of`/`Town of`/`Village of`/state name
///   is dropped, `Sheriff's Department` is read as `Sheriff's Office`, and word order is ignored
///   (`Wyoming Highway State Patrol`); the signed date may differ (a renewal under a new name); or
/// - the names are within two edits (`Berrian County Sheriff's Offic`, `Lampass`, `Couny`) and the
///   signed dates are the same known date.
/// Each row pairs at most once; the closest names pair first.
enum SheetDiffPairing {
    static let maxEdits = 2
    static let minLength = 10

    typealias Row = IdentifiedSheet.Row

    static func pair(removed: [Row], added: [Row]) -> [(old: Row, new: Row)] {
        var candidates: [(distance: Int, old: Row, new: Row)] = []
        let addedByGroup = Dictionary(grouping: added, by: { "\($0.identity.state)|\($0.identity.model)" })
        for r in removed {
            for a in addedByGroup["\(r.identity.state)|\(r.identity.model)"] ?? [] {
                guard sameCounty(r.agreement.countyAsPrinted, a.agreement.countyAsPrinted) else { continue }
                if canonical(r.identity.agency, state: r.agreement.state) == canonical(a.identity.agency, state: a.agreement.state) {
                    candidates.append((0, r, a))
                } else if let s = r.agreement.signed, s == a.agreement.signed,
                          min(r.identity.agency.count, a.identity.agency.count) >= minLength {
                    let d = NameKey.editDistance(r.identity.agency, a.identity.agency)
                    if d <= maxEdits { candidates.append((d, r, a)) }
                }
            }
        }
        candidates.sort { ($0.distance, $0.old.id, $0.new.id) < ($1.distance, $1.old.id, $1.new.id) }
        var usedOld: Set<String> = [], usedNew: Set<String> = []
        var out: [(old: Row, new: Row)] = []
        for c in candidates where !usedOld.contains(c.old.id) && !usedNew.contains(c.new.id) {
            usedOld.insert(c.old.id)
            usedNew.insert(c.new.id)
            out.append((c.old, c.new))
        }
        return out
    }

    /// Removed and added rows of one agency (same state, equivalent name as `canonical` reads
    /// it) under different models: the agency switched model. Each row pairs at most once, in
    /// id order.
    static func pairModels(removed: [Row], added: [Row]) -> [(old: Row, new: Row)] {
        func agency(_ r: Row) -> String { "\(r.identity.state)|" + canonical(r.identity.agency, state: r.agreement.state) }
        let addedByAgency = Dictionary(grouping: added.sorted { $0.id < $1.id }, by: agency)
        var usedNew: Set<String> = []
        var out: [(old: Row, new: Row)] = []
        for r in removed.sorted(by: { $0.id < $1.id }) {
            guard let a = addedByAgency[agency(r)]?.first(where: { $0.identity.model != r.identity.model && !usedNew.contains($0.id) })
            else { continue }
            usedNew.insert(a.id)
            out.append((r, a))
        }
        return out
    }

    /// Two different counties' sheriffs can sign on one day: when both rows name a county,
    /// it must be the same county (up to a typo).
    static func sameCounty(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return true }
        return NameKey.editDistance(NameKey.normalize(a), NameKey.normalize(b)) <= maxEdits
    }

    /// The name with a leading `city of`/`town of`/`village of`/state name dropped,
    /// `sheriffs department` read as `sheriffs office`, words sorted.
    static func canonical(_ key: String, state: USState?) -> String {
        var prefixes = ["city of", "town of", "village of"]
        if let s = state { prefixes.append(NameKey.normalize(s.name)) }
        var k = NameKey.stripPrefixes(key, prefixes)
        if let r = k.range(of: "sheriffs department") { k.replaceSubrange(r, with: "sheriffs office") }
        return k.split(separator: " ").sorted().joined(separator: " ")
    }
}
