import Geo287Census
import Geo287Core
import Geo287Jurisdictions
import Geo287Sheets

/// Notes naming what the inputs could not give a count, so that no gap is a quiet zero: rows
/// whose support model cannot be read (counted under no model), counties without a population
/// row (0 people), and the county join's estimates (a coverage capped at 1, a place without
/// 2020 population).
extension CoverageRun {
    func dataNotes(_ participating: MatchedSheet, pending: MatchedSheet?, options: CoverageOptions,
                   memo: CountyCoverageMemo? = nil) -> [String] {
        // Each sheet with the rows that may be named: with a memo, the participating sheet's rows
        // without a model or with a join estimate (`CountyCoverageMemo.notableRows`), else all.
        var sheets = [(participating, memo?.notableRows(participating.matched, keys: participating.keys)
                                          ?? Array(participating.matched.indices))]
        if options.includePending, let pending { sheets.append((pending, Array(pending.matched.indices))) }
        let inScope = { (a: Agreement) in options.state == nil || a.state?.usps == options.state }
        var notes: [String] = []
        let unread = sheets.flatMap { s, rows in
            rows.map { s.matched[$0] }.filter { $0.agreement.model == nil && inScope($0.agreement) }.map { m in
                "\(s.sheet.fileName) row \(m.agreement.row) (`\(m.agreement.modelAsPrinted)`, \(m.agreement.agencyName))"
            }
        }
        if !unread.isEmpty {
            notes.append("\(unread.count) agreement(s) have a SUPPORT TYPE that is not one of the three models and are counted under no model: \(Self.list(unread)).")
        }
        // Territories have no rows in the county estimates; another note names those touched.
        let without = memo?.countiesWithoutPopulation { gazetteer.countiesWithoutPopulation } ?? gazetteer.countiesWithoutPopulation
        let unpeopled = without.filter { $0.stateFIPS < "60" && (options.state == nil || $0.stateUSPS == options.state) }
        if !unpeopled.isEmpty {
            notes.append("\(unpeopled.count) county(ies) have no row in \(CensusLayers.populationPath) and count as 0 people: \(Self.list(unpeopled.map { "\($0.nameWithType), \($0.stateUSPS) (\($0.geoid))" })).")
        }
        var seen = Set<String>(), estimates: [String] = []
        for (s, rows) in sheets {
            for m in rows.lazy.map({ s.matched[$0] }) where options.model.admits(m.agreement.model) && inScope(m.agreement) {
                for n in m.jurisdiction.joinNotes where seen.insert("\(m.jurisdiction.name)|\(n)").inserted {
                    estimates.append("\(m.jurisdiction.name): \(n)")
                }
            }
        }
        if !estimates.isEmpty { notes.append("County join estimates: \(Self.list(estimates)).") }
        return notes
    }

    static func list(_ items: [String], limit: Int = 10) -> String {
        items.prefix(limit).joined(separator: "; ") + (items.count > limit ? "; and \(items.count - limit) more" : "")
    }
}

extension CoverageResult {
    func adding(notes more: [String]) -> CoverageResult { more.reduce(self) { $0.adding(note: $1) } }
}
