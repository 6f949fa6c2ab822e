import Geo287History
import Geo287Jurisdictions
import Geo287Sheets

/// Agreements over time as periods: one per agreement (the stable id of `AgreementLineages`)
/// and continuous run of sheets it appears on. An agreement absent from some sheets and back
/// (Franklin County Sheriff's Office, AL, task force) has two periods; each period carries the
/// agreement and jurisdiction of its own last sheet.
public struct JurisdictionPeriods: Sendable {
    public struct Period: Sendable {
        public let agreementID: String
        public let agencyID: String
        /// Publication date of the first and last sheet of the run.
        public let validFrom: String
        public let lastSeen: String
        /// The first sheet without it after the run (nil while it is on the newest sheet).
        public let absentFrom: String?
        public let sheets: Int
        /// On the last sheet of the run.
        public let matched: MatchedAgreement
        public var periodID: String { "\(agreementID)@\(validFrom)" }
        /// Open-ended: on the newest sheet.
        public var isOpen: Bool { absentFrom == nil }
    }

    private var lineages = AgreementLineages()
    /// Agreement id → the sheets it is on (index) and its row there.
    private var seen: [String: [(sheet: Int, matched: MatchedAgreement)]] = [:]

    public init() {}

    public var sheetDates: [String] { lineages.sheetDates }

    /// Adds the next sheet of the history (in publication order).
    public mutating func add(_ step: History.Step) {
        let ids = lineages.add(step.identified, matched: step.matched.matched, diff: step.diff)
        for (id, m) in zip(ids, step.matched.matched) { seen[id, default: []].append((step.index, m)) }
    }

    /// Every period, by agreement id then start.
    public var periods: [Period] {
        var out: [Period] = []
        let dates = lineages.sheetDates
        for life in lineages.sorted {
            guard let rows = seen[life.agreementID], !rows.isEmpty else { continue }
            var start = 0
            for k in rows.indices {
                let runEnds = k == rows.count - 1 || rows[k + 1].sheet != rows[k].sheet + 1
                guard runEnds else { continue }
                let last = rows[k].sheet
                out.append(Period(
                    agreementID: life.agreementID, agencyID: life.agencyID, validFrom: dates[rows[start].sheet], lastSeen: dates[last],
                    absentFrom: last + 1 < dates.count ? dates[last + 1] : nil, sheets: k - start + 1, matched: rows[k].matched))
                start = k + 1
            }
        }
        return out
    }
}
