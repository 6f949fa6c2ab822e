import Foundation
import Geo287Core

/// The ICE sheets in a data root (`<root>/ice`), dated by the `YYYY-MM-DD` in their names
/// (the archive names them by publication date), for picking the newest sheet or the one
/// current on a date without opening every workbook.
public struct SheetCatalog: Sendable {
    public struct Entry: Sendable, Equatable {
        public let path: String
        public let kind: SheetKind
        public let date: SignedDate
    }

    public let entries: [Entry]

    public init(root: DataRoot) throws {
        let folder = root.path("ice")
        guard root.exists("ice") else {
            throw DataError.missing(folder, "not found: the data root (from \(root.source.rawValue)) has no ICE sheets; point --data or GEO287_DATA at the data root")
        }
        let paths = try SheetReader.sheetPaths(inFolder: folder)
        entries = paths.compactMap { path in
            guard let kind = SheetName.kind(path), let date = SheetName.date(path) else { return nil }
            return Entry(path: path, kind: kind, date: date)
        }.sorted { ($0.date, $0.path) < ($1.date, $1.path) }
    }

    public var participating: [Entry] { entries.filter { $0.kind == .participating } }

    /// The participating sheet current on `date` (the newest published on or before it),
    /// or the newest of all when `date` is nil.
    public func participating(asOf date: SignedDate?) throws -> Entry {
        let candidates = participating.filter { e in date.map { e.date <= $0 } ?? true }
        guard let e = candidates.last else {
            throw DataError.missing("ice", date.map { "no participating sheet published on or before \($0)" } ?? "no participating sheet (participating-YYYY-MM-DD.xlsx)")
        }
        return e
    }

    /// The pending sheet listed next to a participating sheet (`PendingPairing`), read from
    /// this folder. Every pending sheet is read for its publication date: a file-name date can
    /// be days after it (`pending-2025-03-01` was saved 2025-02-20 and listed on 02-21).
    public func pendingSheet(for participating: Sheet) throws -> Sheet? {
        guard let date = participating.published else { return nil }
        let candidates = try entries.filter { $0.kind == .pending }.map { try SheetReader.read(path: $0.path) }
        return PendingPairing.pick(for: date, among: candidates.compactMap { s in s.published.map { (s, $0) } })
    }
}
