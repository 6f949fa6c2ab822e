import Foundation
import Geo287Core
import Geo287Sheets

/// The sheets of a folder split into participating sheets (by publication date) and the pending
/// sheet ICE listed with each.
public struct HistorySheets: Sendable {
    public let participating: [Sheet]
    public let pending: [Sheet]

    public init(participating: [Sheet], pending: [Sheet]) {
        self.participating = participating.sorted(by: SheetReader.publicationOrder)
        self.pending = pending.sorted(by: SheetReader.publicationOrder)
    }

    /// Reads every sheet in `folder`; `each` is called after each file (for progress).
    public static func read(folder: String, each: (Int, Int) -> Void = { _, _ in }) throws -> HistorySheets {
        let paths = try SheetReader.sheetPaths(inFolder: folder)
        guard !paths.isEmpty else { throw DataError.missing(folder, "folder holds no .xlsx or .csv sheets") }
        var sheets: [Sheet] = []
        for (i, p) in paths.enumerated() {
            sheets.append(try SheetReader.read(path: p))
            each(i + 1, paths.count)
        }
        let participating = sheets.filter { $0.kind == .participating }
        guard !participating.isEmpty else { throw DataError.missing(folder, "no participating sheets") }
        return HistorySheets(participating: participating, pending: sheets.filter { $0.kind == .pending })
    }

    /// The pending sheet listed with a participating sheet (`PendingPairing`).
    public func pending(for sheet: Sheet) -> Sheet? {
        guard let date = sheet.published else { return nil }
        return PendingPairing.pick(for: date, among: pending.compactMap { p in p.published.map { (p, $0) } })
    }
}
