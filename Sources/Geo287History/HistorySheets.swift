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

    /// Reads every sheet in `folder` on up to `threads` threads, 16 files per thread at a time (a
    /// thread that finishes its last file early waits for the others at the end of each group), each from
    /// `cache` when it holds the sheet (`SheetReader.read(path:cache:)`); `each` is called after
    /// each file (for progress). The sheets share one `AgreementMemo`: a row another sheet of the
    /// folder already had is not built again. A damaged file fails the read with the error of the
    /// first such file in name order, whichever thread met it first.
    public static func read(folder: String, threads: Int = 2, cache: DerivedCache = .off,
                            each: (Int, Int) -> Void = { _, _ in }) throws -> HistorySheets {
        let paths = try SheetReader.sheetPaths(inFolder: folder)
        guard !paths.isEmpty else { throw DataError.missing(folder, "folder holds no .xlsx or .csv sheets") }
        var sheets: [Sheet] = []
        sheets.reserveCapacity(paths.count)
        let batch = max(1, 16 * min(threads, 1 << 16))
        let memo = AgreementMemo()
        for start in stride(from: 0, to: paths.count, by: batch) {
            let group = Array(paths[start..<min(start + batch, paths.count)])
            let read = try Parallel.map(group, threads: threads) { p in Result { try SheetReader.read(path: p, cache: cache, memo: memo) } }
            for (k, result) in read.enumerated() {
                sheets.append(try result.get())
                each(start + k + 1, paths.count)
            }
        }
        let participating = sheets.filter { $0.kind == .participating }
        guard !participating.isEmpty else { throw DataError.missing(folder, "no participating sheets") }
        Trace.mark("sheets read")
        return HistorySheets(participating: participating, pending: sheets.filter { $0.kind == .pending })
    }

    /// The pending sheet listed with a participating sheet (`PendingPairing`).
    public func pending(for sheet: Sheet) -> Sheet? {
        guard let date = sheet.published else { return nil }
        return PendingPairing.pick(for: date, among: pending.compactMap { p in p.published.map { (p, $0) } })
    }
}
