import Foundation
import Geo287Core
import Geo287Coverage
@testable import Geo287History
import Geo287Jurisdictions
import Geo287Sheets
import Testing

/// The agreements panel is kept as small rows (sheet, row, agreement, the agreement's printed
/// fields made once) and formatted at the end in chunks on worker threads: it must equal the
/// panel made field by field for every row, as the former code made it.
@Suite("Batch agreements panel made in parallel")
struct BatchPanelTests {
    /// Every bundled sheet added to a panel, and the same rows formatted field by field (header,
    /// then each row's fields and its agreement's lifetime columns).
    static let built: Result<(panel: BatchAgreementPanel, reference: [UInt8], rows: Int, agreements: Int), any Error> = Result {
        let sheets = try HistorySheets.read(folder: HistoryTestData.root.path("ice"))
        let agreements = sheets.participating.reduce(0) { $0 + $1.agreements.count }
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        var panel = BatchAgreementPanel()
        var lineages = AgreementLineages()
        var heads: [(agreement: String, fields: [UInt8])] = []
        _ = try History.build(sheets, matching: HistoryMatching(run: run)) { step in
            try panel.add(step.identified, matched: step.matched, diff: step.diff)
            let ids = lineages.add(step.identified, matched: step.matched.matched, diff: step.diff)
            let sheet = step.matched.sheet
            for ((row, m), id) in zip(zip(step.identified.rows, step.matched.matched), ids) {
                let a = m.agreement, j = m.jurisdiction
                heads.append((id, BatchCSV.fields([
                    sheet.published?.description ?? "", sheet.fileName, String(a.row), row.id, id, lineages.lifetime(id)?.agencyID ?? "",
                    row.identity.state, row.identity.model, a.agencyName, a.typeAsPrinted ?? "", a.signed?.description ?? "",
                    a.countyAsPrinted ?? "", a.moaURL ?? (a.moaPending ? "link pending" : ""), j.level.rawValue, j.geoid ?? "", j.name,
                    j.method.rawValue, BatchCSV.fraction(j.confidence, decimals: 2), j.counties.map(\.countyGEOID).joined(separator: ";"),
                ] + BatchAgreementPanel.counting(j))))
            }
        }
        var reference = Array((BatchAgreementPanel.header.joined(separator: ",") + "\n").utf8)
        for h in heads {
            guard let life = lineages.lifetime(h.agreement) else { throw DataError("test", "no lifetime for \(h.agreement)") }
            reference += h.fields
            reference += BatchCSV.tail([lineages.firstSeen(life), lineages.lastSeen(life), lineages.status(life).rawValue,
                                        life.gaps.joined(separator: ";")])
            reference.append(UInt8(ascii: "\n"))
        }
        return (panel, reference, heads.count, agreements)
    }

    @Test("on 2 threads in chunks of 97 rows, and on 1 thread in one chunk, the panel equals the one made field by field for every row of every bundled sheet")
    func parallelEqualsFieldByField() throws {
        let (panel, reference, rows, agreements) = try Self.built.get()
        // One row per agreement of every participating sheet: 32,761 on the 34 sheets of the README's archive.
        #expect(rows >= 32_761 && rows == agreements && panel.rowCount == rows)
        var pieces: [[UInt8]] = []
        let counted = try panel.panel(threads: 2, chunk: 97) { pieces.append($0) }
        #expect(counted == rows)
        #expect(pieces.count == 1 + (rows + 96) / 97)   // the header, then the chunks in order
        let joined = pieces.flatMap { $0 }
        #expect(joined.count == reference.count && joined == reference)
        let whole = try panel.panel(threads: 1)
        #expect(whole.rows == rows && whole.bytes == reference)
        // Each piece given back to the pool once kept: the next chunks fill the given-back
        // buffers again, and no piece already handed over changes.
        let pool = BufferPool(keep: 2)
        var kept: [[UInt8]] = []
        _ = try panel.panel(threads: 2, chunk: 97, buffers: pool) { kept.append($0); pool.give($0) }
        #expect(kept.flatMap { $0 } == reference)
    }

    @Test("an agreement's printed fields are made once per distinct value: 4,036 middles for the 32,761 rows of the bundled sheets")
    func middlesReused() throws {
        let (panel, _, rows, _) = try Self.built.get()
        #expect(panel.variantCount > 0 && panel.variantCount * 5 < rows, "\(panel.variantCount) of \(rows)")
    }

    @Test("agreement numbers index the lifetimes: each row's number names the same agreement as its id")
    func numbersMatchIDs() throws {
        let sheets = try HistorySheets.read(folder: HistoryTestData.root.path("ice"))
        let first = try #require(sheets.participating.first), second = try #require(sheets.participating.dropFirst().first)
        let a = IdentifiedSheet(first), b = IdentifiedSheet(second)
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        let matching = HistoryMatching(run: run)
        var byID = AgreementLineages(), byNumber = AgreementLineages()
        var ids: [String] = [], numbers: [Int] = []
        let steps: [(Sheet, IdentifiedSheet, SheetDiff?)] = [(first, a, nil), (second, b, SheetDiff(old: a, new: b))]
        for (sheet, identified, diff) in steps {
            let matched = try matching.matchedSheet(sheet).matched
            ids += byID.add(identified, matched: matched, diff: diff)
            numbers += byNumber.addNumbered(identified, matched: matched, diff: diff)
        }
        #expect(ids.count == first.agreements.count + second.agreements.count)
        #expect(numbers.map { byNumber.all[$0].agreementID } == ids)
        #expect(byNumber.all.count == byID.lifetimes.count && Set(byNumber.all.map(\.agreementID)) == Set(ids))
    }
}
