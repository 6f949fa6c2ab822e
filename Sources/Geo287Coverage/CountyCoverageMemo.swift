import Foundation
import Geo287Census
import Geo287Jurisdictions

/// Sheets counted one after the other (`history`, `batch`), each from the one before: a
/// county's coverage is a function of the agreements that reach it, in the order the sheet
/// lists them, and of the options; consecutive sheets share almost all agreements, so most
/// counties have the very list they had on the sheet counted before and keep the coverage
/// counted then. An agreement seen before (same `AgreementKeyTable` id) keeps what it reaches,
/// so a sheet costs integer work per row, a new count only for the counties whose list
/// changed, and state sums updated by those counties alone.
///
/// One memo per `CoverageOptions` (it is only used with the options it was made for; the
/// places method, participating sheet only). A class so that the caller keeps it across
/// sheets; `@unchecked Sendable`: its state is only touched under `lock`.
public final class CountyCoverageMemo: @unchecked Sendable {
    public let options: CoverageOptions
    private let lock = NSLock()
    private var hits = 0, misses = 0
    private var unpeopled: [County]?
    /// The ids of sheets matched without keys come from here (or the table of the first keyed sheet).
    private var table: AgreementKeyTable?
    private var agreements = AgreementReaches()
    private var counties: MemoCounties?

    public init(options: CoverageOptions) { self.options = options }

    /// Counties taken from an earlier sheet, and counted anew.
    public var counts: (reused: Int, counted: Int) { lock.withLock { (hits, misses) } }

    /// Whether results made under `other` may come from this memo.
    func serves(_ other: CoverageOptions) -> Bool {
        other.method == .places && options.method == .places && other.model == options.model
            && !other.includePending && !options.includePending && other.excludeStatewide == options.excludeStatewide
            && other.state == options.state && other.rules == options.rules
    }

    /// The agreement ids of `matched`: its keys when they come from this memo's table (the
    /// first keyed sheet gives the table), else interned in that table.
    private func ids(_ matched: [MatchedAgreement], keys: AgreementKeys?) -> [Int] {
        if let keys, table == nil || table === keys.table {
            table = keys.table
            return keys.ids
        }
        let t = table ?? AgreementKeyTable()
        table = t
        return t.ids(matched.map(\.agreement)).ids
    }

    /// The count of one sheet; `keys`: the agreement ids of `matched`, when known.
    func tally(_ matched: [MatchedAgreement], keys: AgreementKeys?, calculator: CoverageCalculator) -> CoverageCalculator.Tally {
        lock.lock()
        defer { lock.unlock() }
        let all = calculator.gazetteer.counties
        let memo: MemoCounties
        if let c = counties, c.serves(calculator.gazetteer) { memo = c } else {
            memo = MemoCounties(calculator.gazetteer, state: options.state)
            counties = memo
        }
        let ids = ids(matched, keys: keys)
        var rows = MemoSheetRows()
        var admitted: [Int] = []
        admitted.reserveCapacity(ids.count)
        for (row, id) in ids.enumerated() {
            let e = agreements.reach(id, matched[row], options: options, counties: memo)
            guard e.admitted else { continue }
            rows.count(e)
            admitted.append(id)
        }
        let changed = memo.update(admitted, agreements, all) { county, list in
            calculator.countyCoverage(county, list.map { agreements.entries[$0] }, placeFractions: nil)
        }
        misses += changed
        hits += memo.inScope - changed
        let states = CoverageCalculator.states(memo.sums, agreementsByState: rows.byState(agreements.stateFIPS))
        return CoverageCalculator.Tally(counties: memo.current, states: states, national: CoverageCalculator.national(states),
                                        notCounted: rows.notCounted, unmatched: rows.unmatched,
                                        townsByState: rows.byState(agreements.stateFIPS, towns: true))
    }

    /// The rows of `matched` that the data notes name (a SUPPORT TYPE not read, county join
    /// estimates), in row order.
    func notableRows(_ matched: [MatchedAgreement], keys: AgreementKeys?) -> [Int] {
        lock.withLock {
            let ids = ids(matched, keys: keys)
            return ids.indices.filter { agreements.notable(ids[$0], matched[$0]) }
        }
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
