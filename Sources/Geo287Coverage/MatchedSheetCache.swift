import Geo287Core
import Geo287Jurisdictions
import Geo287Sheets

extension CoverageRun {
    /// Version of the `matched-sheet` entries' encoding (bump when it changes).
    static let matchedSheetFormat = 2

    /// The sheet at `path`, read, matched and joined; from the gazetteer's `DerivedCache` when
    /// its entry is valid (same sheet, same Census files, same geo287 build), else computed
    /// and stored. The value is the one `matchedSheet(_:geometry:)` computes.
    public func matchedSheet(path: String, geometry: CountyJoin.Geometry = .whereNeeded) throws -> MatchedSheet {
        let kind = geometry == .all ? "matched-sheet-all" : "matched-sheet"
        return try gazetteer.cache.value(
            kind: kind, format: Self.matchedSheetFormat, inputs: [path] + DerivedInputs.matching(gazetteer.root),
            encode: { m, w in
                m.sheet.encode(to: &w)
                w.array(m.matched) { w, a in a.encode(to: &w) }
            },
            decode: { r in MatchedSheet(sheet: try Sheet.decode(from: &r), matched: try r.array { try MatchedAgreement.decode(from: &$0) }) },
            build: { try matchedSheet(try SheetReader.read(path: path), geometry: geometry) })
    }
}
