import Foundation
import Geo287Core

/// Reads ICE 287(g) sheets (`.xlsx` as ICE publishes them, or `.csv` with the same header
/// names) into normalized agreements.
public enum SheetReader {
    /// Reads one sheet.
    /// - Parameters:
    ///   - kind: participating or pending; default: from the file name (`participating…` /
    ///     `pending…`), else from the header (a SIGNED column means participating).
    ///   - published: overrides the publication date read from `docProps/core.xml` / the name.
    ///   - memo: rows already built by other sheets of the same read (`AgreementMemo`); the
    ///     sheet read is the same with or without it.
    public static func read(path: String, kind: SheetKind? = nil, published: SignedDate? = nil,
                            memo: AgreementMemo? = nil) throws -> Sheet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError.missing(path, "file not found")
        }
        guard !isDirectory.boolValue else { throw DataError(path, "is a folder, not a sheet file") }

        var table: RawTable
        var date = published
        var timestamp: String?
        if path.lowercased().hasSuffix(".csv") {
            table = try CSVTable.read(path: path)
        } else {
            let xlsx = try XlsxReader.read(path: path)
            table = xlsx.table
            // openpyxl-generated files (the `-from-html` sheets) carry their generation time,
            // not a publication date.
            if date == nil, xlsx.creator != "openpyxl", let modified = xlsx.modified,
               let d = SignedDate(iso: modified) {
                date = d
                timestamp = modified
            }
        }
        if date == nil { date = SheetName.date(path) }

        let header = try HeaderMap(rows: table.rows, path: path)
        let headerKind: SheetKind = header[.signed] != nil ? .participating : .pending
        let nameKind = SheetName.kind(path)
        let resolvedKind = kind ?? nameKind ?? headerKind
        if resolvedKind != headerKind {
            table.warnings.append(SheetWarning(
                row: header.headerRow, column: nil,
                message: resolvedKind == .participating
                    ? "read as a participating sheet, but the header has no SIGNED column (it looks like a pending sheet)"
                    : "read as a pending sheet, but the header has a SIGNED column (it looks like a participating sheet)"))
        }
        let rows = table.rows
        let build = { (shard: AgreementMemo.Shard?) -> (agreements: [Agreement], warnings: [SheetWarning]) in
            var builder = AgreementBuilder(kind: resolvedKind, header: header, published: date, memo: shard)
            return (builder.build(rows), builder.warnings)
        }
        let built = memo.map { $0.withShard(build) } ?? build(nil)
        if resolvedKind == .participating, header[.signed] == nil {
            table.warnings.append(SheetWarning(row: nil, column: "SIGNED", message: "no SIGNED column; no signed dates"))
        }
        return Sheet(
            path: path, kind: resolvedKind, published: date, publishedTimestamp: timestamp,
            agreements: built.agreements, warnings: table.warnings + built.warnings)
    }

    /// The sheet files (`.xlsx`, `.csv`) in `folder`, read and sorted by publication date
    /// (undated last), then by path.
    public static func sheets(inFolder folder: String) throws -> [Sheet] {
        try sheetPaths(inFolder: folder).map { try read(path: $0) }.sorted(by: publicationOrder)
    }

    /// The sheet file paths in `folder` (not read), sorted by name. Office lock files (`~$…`) and
    /// hidden files are skipped.
    public static func sheetPaths(inFolder folder: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw DataError(folder, "cannot list folder")
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return names.filter { name in
            let lower = name.lowercased()
            return !name.hasPrefix(".") && !name.hasPrefix("~$") && (lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv"))
        }.sorted().map { base + $0 }
    }

    /// Publication date order (undated last), then path.
    public static func publicationOrder(_ a: Sheet, _ b: Sheet) -> Bool {
        switch (a.published, b.published) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.path < b.path
        }
    }

}
