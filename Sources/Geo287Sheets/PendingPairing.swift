/// Which pending sheet ICE listed with a participating sheet: the one rule used by coverage,
/// lookup, history and batch. Dates are publication dates (docProps modified time).
public enum PendingPairing {
    /// Days a pending sheet's date may differ from its participating sheet's and still be the one
    /// listed with it (ICE saved the pair minutes to a day apart: 2025-05-14/15, 06-12/13,
    /// 12-30/31, 11-20/21).
    public static let pairingDays = 2

    /// The nearest pending sheet within `pairingDays` (the earlier on a tie), else the newest
    /// published before (ICE kept listing `pending-2026-02-27` until 2026-05-18); nil when there
    /// is none (before March 2025).
    public static func pick<T>(for date: SignedDate, among candidates: [(item: T, published: SignedDate)]) -> T? {
        let day = date.daysSinceEpoch
        let dated = candidates.map { ($0.item, $0.published.daysSinceEpoch - day) }
        if let near = dated.filter({ abs($0.1) <= pairingDays }).min(by: { (abs($0.1), $0.1) < (abs($1.1), $1.1) }) {
            return near.0
        }
        return dated.filter { $0.1 < 0 }.max { $0.1 < $1.1 }?.0
    }
}
