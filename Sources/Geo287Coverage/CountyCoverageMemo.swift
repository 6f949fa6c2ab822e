import Foundation
import Geo287Census

/// Counties counted once across many sheets (`history`, `batch`): a county's coverage is a
/// function of the agreements that reach it, in the order the sheet lists them, and of the
/// options; consecutive sheets share almost all agreements, so most counties have the very
/// list they had on the sheet counted before and keep the coverage counted then.
///
/// One memo per `CoverageOptions` (it is only used with the options it was made for; the
/// places method only). A class so that the caller keeps it across sheets; `@unchecked
/// Sendable`: its state is only touched under `lock`.
public final class CountyCoverageMemo: @unchecked Sendable {
    public let options: CoverageOptions
    /// Per county, in the gazetteer's order: the list it was last counted with, and the result.
    private var kept: [(list: [CoveringAgreement], coverage: CountyCoverage)?] = []
    /// Indices of the gazetteer's counties in GEOID order.
    private var order: [Int] = []
    private var unpeopled: [County]?
    private var hits = 0, misses = 0
    private let lock = NSLock()

    public init(options: CoverageOptions) { self.options = options }

    /// Counties taken from an earlier sheet, and counted anew.
    public var counts: (reused: Int, counted: Int) { lock.withLock { (hits, misses) } }

    /// Whether results made under `other` may come from this memo.
    func serves(_ other: CoverageOptions) -> Bool {
        other.method == .places && options.method == .places && other.model == options.model
            && other.includePending == options.includePending && other.excludeStatewide == options.excludeStatewide
            && other.state == options.state && other.rules == options.rules
    }

    /// The counties of `all` (those of `state` when given) by GEOID, each reached by
    /// `reach[geoid]`: the coverage kept when that list is the one it had last time, else
    /// `make(county, list)`, kept for the next sheet.
    func counties(_ all: [County], state: String?, reach: [String: [CoveringAgreement]],
                  make: (County, [CoveringAgreement]) -> CountyCoverage) -> [CountyCoverage] {
        lock.lock()
        defer { lock.unlock() }
        if kept.count != all.count {
            kept = Array(repeating: nil, count: all.count)
            order = all.indices.sorted { all[$0].geoid < all[$1].geoid }
        }
        var out: [CountyCoverage] = []
        out.reserveCapacity(all.count)
        for i in order where state == nil || all[i].stateUSPS == state {
            let reached = reach[all[i].geoid] ?? []
            if let k = kept[i], k.list == reached {
                out.append(k.coverage)
                hits += 1
            } else {
                let made = make(all[i], reached)
                kept[i] = (reached, made)
                out.append(made)
                misses += 1
            }
        }
        return out
    }

    /// `Gazetteer.countiesWithoutPopulation`, worked out once.
    func countiesWithoutPopulation(_ make: () -> [County]) -> [County] {
        lock.withLock {
            if let unpeopled { return unpeopled }
            let made = make()
            unpeopled = made
            return made
        }
    }
}
