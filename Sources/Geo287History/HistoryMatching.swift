import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Sheets

/// Matches and joins many sheets against one gazetteer, each distinct agreement once: most
/// rows repeat from one sheet to the next, so a sheet only matches the rows it has not seen.
/// The jurisdiction depends only on the fields the matcher reads (state, agency name and type,
/// COUNTY), which make the cache key. Use from one thread.
public final class HistoryMatching {
    public let run: CoverageRun
    /// Match keys and agreement ids across the sheets; a sheet's ids go with it (`MatchedSheet.keys`).
    public let keys = AgreementKeyTable()
    /// By match index.
    private var jurisdictions: [Jurisdiction] = []
    public private(set) var matchedRows = 0
    public private(set) var reusedRows = 0

    public init(run: CoverageRun) { self.run = run }

    /// The match index of each row by its facts' serial (-1: not known), for sheets identified with `factTable`.
    private var matchIndexBySerial: [Int] = []
    private var factTable: AgreementFactTable?

    public func matchedSheet(_ sheet: Sheet) throws -> MatchedSheet {
        try matchedSheet(sheet, indices: keys.matchIndices(sheet.agreements))
    }

    /// The same for an identified sheet: a row whose facts (`AgreementFactTable`, which holds
    /// the fields the matcher reads) were matched on an earlier sheet takes that match index
    /// without its match key being made and hashed again.
    public func matchedSheet(_ identified: IdentifiedSheet) throws -> MatchedSheet {
        if factTable == nil { factTable = identified.table }
        guard factTable === identified.table else { return try matchedSheet(identified.sheet) }
        let agreements = identified.sheet.agreements
        var indices: [(index: Int, new: Bool)] = Array(repeating: (0, false), count: agreements.count)
        var unknown: [Int] = []
        for (i, row) in identified.rows.enumerated() {
            let serial = row.facts.serial
            if serial < matchIndexBySerial.count, matchIndexBySerial[serial] >= 0 {
                indices[i] = (matchIndexBySerial[serial], false)
            } else {
                unknown.append(i)
            }
        }
        for (i, k) in zip(unknown, keys.matchIndices(unknown.map { agreements[$0] })) {
            indices[i] = k
            let serial = identified.rows[i].facts.serial
            if serial >= matchIndexBySerial.count {
                matchIndexBySerial += Array(repeating: -1, count: serial + 1 - matchIndexBySerial.count)
            }
            matchIndexBySerial[serial] = k.index
        }
        return try matchedSheet(identified.sheet, indices: indices)
    }

    /// `indices`: each row's match index, and whether it is new (new keys numbered in row order).
    private func matchedSheet(_ sheet: Sheet, indices: [(index: Int, new: Bool)]) throws -> MatchedSheet {
        Trace.mark("history start sheet")
        // The first row of each new key, in row order.
        let todo = zip(indices, sheet.agreements).filter(\.0.new).map(\.1)
        if !todo.isEmpty {
            let resolved = try JurisdictionMatcher(gazetteer: run.gazetteer).match(todo)
            let joined = try CountyJoin(gazetteer: run.gazetteer).join(resolved, threads: run.threads, geometry: .whereNeeded)
            guard joined.count == todo.count else { throw DataError(sheet.path, "matching returned \(joined.count) of \(todo.count) agreements") }
            jurisdictions += joined.map(\.jurisdiction)
        }
        matchedRows += todo.count
        reusedRows += sheet.agreements.count - todo.count
        var matched: [MatchedAgreement] = []
        matched.reserveCapacity(sheet.agreements.count)
        for (k, a) in zip(indices, sheet.agreements) {
            guard k.index < jurisdictions.count else { throw DataError(sheet.path, "row \(a.row): agreement was not matched") }
            matched.append(MatchedAgreement(agreement: a, jurisdiction: jurisdictions[k.index]))
        }
        let ids = zip(indices, sheet.agreements).map { AgreementKeyTable.agreementID(matchIndex: $0.0.index, model: $0.1.model) }
        return MatchedSheet(sheet: sheet, matched: matched, keys: AgreementKeys(table: keys, ids: ids))
    }
}
