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
    private var cache: [Key: Jurisdiction] = [:]
    public private(set) var matchedRows = 0
    public private(set) var reusedRows = 0

    struct Key: Hashable {
        let stateAsPrinted: String
        let state: String?
        let agencyName: String
        let agencyType: AgencyType
        let county: String?
        init(_ a: Agreement) {
            stateAsPrinted = a.stateAsPrinted
            state = a.state?.fips
            agencyName = a.agencyName
            agencyType = a.agencyType
            county = a.countyAsPrinted
        }
    }

    public init(run: CoverageRun) { self.run = run }

    public func matchedSheet(_ sheet: Sheet) throws -> MatchedSheet {
        Trace.mark("history start sheet")
        var firstSeen: [Key: Agreement] = [:]
        for a in sheet.agreements {
            let k = Key(a)
            if cache[k] == nil, firstSeen[k] == nil { firstSeen[k] = a }
        }
        let todo = firstSeen.values.sorted { $0.row < $1.row }
        if !todo.isEmpty {
            let resolved = try JurisdictionMatcher(gazetteer: run.gazetteer).match(todo)
            let joined = try CountyJoin(gazetteer: run.gazetteer).join(resolved, threads: run.threads, geometry: .whereNeeded)
            for m in joined { cache[Key(m.agreement)] = m.jurisdiction }
        }
        matchedRows += todo.count
        reusedRows += sheet.agreements.count - todo.count
        let matched = try sheet.agreements.map { a -> MatchedAgreement in
            guard let j = cache[Key(a)] else { throw DataError(sheet.path, "row \(a.row): agreement was not matched") }
            return MatchedAgreement(agreement: a, jurisdiction: j)
        }
        return MatchedSheet(sheet: sheet, matched: matched)
    }
}
