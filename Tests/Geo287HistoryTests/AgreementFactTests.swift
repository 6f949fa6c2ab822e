import Geo287Core
import Geo287Coverage
@testable import Geo287History
import Geo287Jurisdictions
import Geo287Sheets
import Testing

/// `IdentifiedSheet` and `SheetDiff` work on numbers from an `AgreementFactTable` shared by the
/// sheets of a history; these tests hold them to the string ids and field comparisons they stand for.
@Suite("Agreement facts: ids and diffs as numbers")
struct AgreementFactTests {
    /// Every bundled participating sheet, in publication order.
    static func sheets() throws -> [Sheet] {
        let paths = try SheetReader.sheetPaths(inFolder: HistoryTestData.root.path("ice"))
        return try paths.map { try SheetReader.read(path: $0) }.filter { $0.kind == .participating }
            .sorted(by: SheetReader.publicationOrder)
    }

    /// The ids as strings: `AgreementIdentity.id`, `#2` on a second row of the same id.
    static func stringIDs(_ sheet: Sheet) -> [String] {
        var seen: [String: Int] = [:]
        return sheet.agreements.map { a in
            let id = AgreementIdentity(a).id
            seen[id, default: 0] += 1
            return seen[id] == 1 ? id : "\(id)#\(seen[id] ?? 0)"
        }
    }

    @Test("ids from one shared table equal the string ids on every bundled sheet, and a row's facts are shared")
    func ids() throws {
        let table = AgreementFactTable()
        let sheets = try Self.sheets()
        #expect(sheets.count >= 30)
        var rows = 0
        for sheet in sheets {
            let identified = IdentifiedSheet(sheet, table: table)
            #expect(identified.rows.map(\.id) == Self.stringIDs(sheet), "\(sheet.fileName)")
            #expect(identified.rows.map(\.agreement) == sheet.agreements)
            rows += sheet.agreements.count
        }
        // Volusia's duplicated task force row of 2025-08-13 is `#2` with the table shared too.
        let volusia = IdentifiedSheet(try HistoryTestData.sheet("participating-2025-08-13.xlsx"), table: table)
        #expect(volusia.rows.filter { $0.id == "FL|volusia county sheriffs office|task-force#2" }.count == 1)
        // Most rows repeat from sheet to sheet: far fewer distinct rows than rows.
        #expect(table.count * 5 < rows)
    }

    @Test("every consecutive pair: the diff pairs exactly the rows whose string id or fingerprint differs")
    func diffs() throws {
        let table = AgreementFactTable()
        let sheets = try Self.sheets().map { IdentifiedSheet($0, table: table) }
        var entries = 0
        for (old, new) in zip(sheets, sheets.dropFirst()) {
            let d = SheetDiff(old: old, new: new)
            let label = "\(old.sheet.fileName) → \(new.sheet.fileName)"
            let oldIDs = Dictionary(uniqueKeysWithValues: zip(Self.stringIDs(old.sheet), old.sheet.agreements))
            let newIDs = Dictionary(uniqueKeysWithValues: zip(Self.stringIDs(new.sheet), new.sheet.agreements))
            // Gone and new string ids: removals and additions, or one side of a pairing.
            let gone = Set(oldIDs.keys).subtracting(newIDs.keys), came = Set(newIDs.keys).subtracting(oldIDs.keys)
            #expect(Set(d.entries.filter { $0.kind == .removed }.map(\.id) + d.entries.compactMap(\.oldID)) == gone, "\(label)")
            #expect(Set(d.entries.filter { $0.kind == .added || $0.oldID != nil }.map(\.id)) == came, "\(label)")
            // Kept ids: an entry exactly when a compared field differs.
            let kept = d.entries.filter { $0.oldID == nil && $0.kind != .added && $0.kind != .removed }
            let differing = Set(oldIDs.keys).intersection(newIDs.keys).filter { id in
                guard let a = oldIDs[id], let b = newIDs[id] else { return false }
                return SheetDiff.Fingerprint(a) != SheetDiff.Fingerprint(b)
            }
            #expect(Set(kept.map(\.id)).isSubset(of: differing), "\(label)")
            for id in differing.subtracting(kept.map(\.id)) {
                // Only a field one of the sheets lacks (COUNTY before 2025-03-17, TYPE in -from-html sheets) differs.
                guard let a = oldIDs[id], let b = newIDs[id] else { continue }
                #expect(a.signed == b.signed && SheetDiff.moaDocument(a) == SheetDiff.moaDocument(b), "\(label): \(id)")
            }
            // The same diff from sheets identified with tables of their own.
            let alone = SheetDiff(old: IdentifiedSheet(old.sheet), new: IdentifiedSheet(new.sheet))
            #expect(alone.entries.map { "\($0.kind)|\($0.id)|\($0.oldID ?? "")|\($0.changes)" }
                == d.entries.map { "\($0.kind)|\($0.id)|\($0.oldID ?? "")|\($0.changes)" }, "\(label)")
            entries += d.entries.count
        }
        #expect(entries > 1000)
    }

    @Test("matching identified sheets (match index by facts) equals matching the sheets: same ids, jurisdictions and rows matched on every bundled sheet")
    func matching() throws {
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        let byFacts = HistoryMatching(run: run), bySheet = HistoryMatching(run: run)
        let table = AgreementFactTable()
        for sheet in try Self.sheets() {
            let a = try byFacts.matchedSheet(IdentifiedSheet(sheet, table: table)), b = try bySheet.matchedSheet(sheet)
            #expect(a.keys?.ids == b.keys?.ids, "\(sheet.fileName)")
            #expect(a.matched.map { [$0.jurisdiction.name, $0.jurisdiction.geoid ?? "", $0.jurisdiction.method.rawValue] }
                == b.matched.map { [$0.jurisdiction.name, $0.jurisdiction.geoid ?? "", $0.jurisdiction.method.rawValue] })
            #expect(a.matched.map(\.agreement) == sheet.agreements)
        }
        #expect(byFacts.matchedRows == bySheet.matchedRows && byFacts.reusedRows == bySheet.reusedRows)
        #expect(byFacts.reusedRows > 10 * byFacts.matchedRows)
    }
}
