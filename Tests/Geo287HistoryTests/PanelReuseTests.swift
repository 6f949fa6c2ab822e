import Geo287Core
import Geo287Coverage
@testable import Geo287History
import Geo287Jurisdictions
import Geo287Sheets
import Testing

/// What `batch` and `history` reuse from one sheet to the next instead of copying or
/// formatting it again: each must tell apart exactly what differs.
@Suite("Batch and history: what is reused between sheets")
struct PanelReuseTests {
    @Test("the fact table hashes a row by agency name, model and signed date only, yet rows differing in COUNTY, type or MOA get facts of their own")
    func factsTellApartUnhashedFields() throws {
        let sheet = try HistoryTestData.sheet("participating-2026-05-18.xlsx")
        let a = try #require(sheet.agreements.first { $0.countyAsPrinted != nil && $0.moaURL != nil })
        var county = a, type = a, moa = a, same = a
        county.countyAsPrinted = "Elsewhere"
        type.agencyType = a.agencyType == .county ? .municipal : .county
        moa.moaURL = nil
        same.row += 100   // the row number is not a fact
        let table = AgreementFactTable()
        let facts = table.facts([a, county, type, moa, same])
        #expect(table.count == 4)
        #expect(facts[0] === facts[4])
        #expect(Set(facts.prefix(4).map(ObjectIdentifier.init)).count == 4)
        // All five share an id (state, agency, model); the fingerprints tell the content apart.
        #expect(Set(facts.map(\.key)).count == 1 && Set(facts.map(\.content)).count == 4)
    }

    @Test("a row whose facts repeat but whose printed type changed prints the new type in the agreements panel (a new middle, not the last one)")
    func typeChangeMakesNewMiddle() throws {
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        let matching = HistoryMatching(run: run)
        let first = try HistoryTestData.sheet("participating-2026-05-18.xlsx")
        var second = first
        second.agreements[0].typeAsPrinted = "Sheriff (retyped)"
        let table = AgreementFactTable()
        var panel = BatchAgreementPanel()
        var previous: IdentifiedSheet?
        var middles: [Int] = []
        for sheet in [first, first, second] {
            let identified = IdentifiedSheet(sheet, table: table)
            try panel.add(identified, matched: try matching.matchedSheet(identified), diff: previous.map { SheetDiff(old: $0, new: identified) })
            previous = identified
            middles.append(panel.variantCount)
        }
        // The second sheet repeats the first: no new middle; the third changes one row's type: one.
        #expect(middles[0] > 0 && middles[1] == middles[0] && middles[2] == middles[0] + 1)
        let lines = String(decoding: try panel.panel(threads: 1).bytes, as: UTF8.self).split(separator: "\n")
        let rows = first.agreements.count
        #expect(lines.count == 1 + 3 * rows)
        #expect(lines[1 + 2 * rows].contains(",Sheriff (retyped),") && !lines[1 + rows].contains("retyped"))
    }

    @Test("a county the memo did not recount is the very count of the sheet before; the recounted one (Oldham County, KY) is a new count")
    func keptCountiesAreTheSameCount() throws {
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        let matching = HistoryMatching(run: run)
        let full = try matching.matchedSheet(try HistoryTestData.sheet("participating-2026-05-18.xlsx"))
        let keys = try #require(full.keys)
        let row = try #require(full.matched.firstIndex {
            $0.agreement.agencyName.hasPrefix("Oldham County Sheriff") && $0.agreement.state?.usps == "KY" && $0.agreement.model == .taskForce
        })
        var sheet = full.sheet, matched = full.matched, ids = keys.ids
        sheet.agreements.remove(at: row)
        matched.remove(at: row)
        ids.remove(at: row)
        let without = MatchedSheet(sheet: sheet, matched: matched, keys: AgreementKeys(table: keys.table, ids: ids))
        let options = CoverageOptions(model: .model(.taskForce), method: .places)
        let memo = CountyCoverageMemo(options: options)
        let one = try run.coverage(full, pending: nil, options: options, memo: memo)
        let two = try run.coverage(without, pending: nil, options: options, memo: memo)
        let fresh = try run.coverage(full, pending: nil, options: options)
        #expect(one.counties.count == 3_235 && two.counties.count == 3_235)
        let notSame = zip(one.counties, two.counties).filter { !$0.isSameCount(as: $1) }.map(\.0.geoid)
        #expect(notSame == ["21185"])
        // Counts made apart are never the same count, however equal.
        #expect(!zip(one.counties, fresh.counties).contains { $0.isSameCount(as: $1) })
        #expect(one.counties.map(\.covered) == fresh.counties.map(\.covered))
    }
}
