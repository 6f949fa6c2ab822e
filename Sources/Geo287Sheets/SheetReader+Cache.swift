import Geo287Core

extension SheetReader {
    /// Version of the `sheet` entries' encoding (`Sheet+Binary`; bump when it changes).
    static let sheetEntryFormat = 2

    /// The sheet at `path` as `read(path:)` reads it, from `cache` when its entry is valid (the
    /// same file, by stat key or else SHA-256, and the same geo287 build), else read and stored.
    /// `history` and `batch` read every sheet of a folder this way, so a second run over the same
    /// archive decodes each sheet (a few ms) instead of parsing its workbook again.
    /// `memo`: as in `read(path:kind:published:memo:)` for a sheet not in the cache; for one in
    /// it, the agreements of records met before are shared, not decoded again.
    public static func read(path: String, cache: DerivedCache, memo: AgreementMemo? = nil) throws -> Sheet {
        try cache.value(
            kind: "sheet", format: sheetEntryFormat, inputs: [path],
            encode: { sheet, w in sheet.encode(to: &w, memo: memo) },
            decode: { try Sheet.decode(from: &$0, memo: memo) },
            build: { try read(path: path, memo: memo) })
    }
}
