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
        guard !paths.isEmpty else { throw DataError(folder, "folder holds no .xlsx or .csv sheets") }
        var sheets: [Sheet] = []
        for (i, p) in paths.enumerated() {
            sheets.append(try SheetReader.read(path: p))
            each(i + 1, paths.count)
        }
        let participating = sheets.filter { $0.kind == .participating }
        guard !participating.isEmpty else { throw DataError(folder, "no participating sheets") }
        return HistorySheets(participating: participating, pending: sheets.filter { $0.kind == .pending })
    }

    /// Days a pending sheet's date may differ from its participating sheet's and still be the one
    /// listed with it (ICE saved the pair minutes to a day apart: 2025-05-14/15, 06-12/13, 11-20/21).
    public static let pairingDays = 2

    /// The pending sheet listed with a participating sheet: the nearest within `pairingDays`
    /// (the earlier on a tie), else the newest published before it (ICE kept listing
    /// `pending-2026-02-27` until 2026-05-18). Nil when there is none (before March 2025).
    public func pending(for sheet: Sheet) -> Sheet? {
        guard let date = sheet.published?.daysSinceEpoch else { return nil }
        let dated = pending.compactMap { p in p.published.map { (p, $0.daysSinceEpoch - date) } }
        if let near = dated.filter({ abs($0.1) <= Self.pairingDays }).min(by: { (abs($0.1), $0.1) < (abs($1.1), $1.1) }) {
            return near.0
        }
        return dated.filter { $0.1 < 0 }.max { $0.1 < $1.1 }?.0
    }
}
