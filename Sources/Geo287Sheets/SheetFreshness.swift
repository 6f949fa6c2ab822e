import Foundation

/// How current the sheets of a data root are: ICE publishes about every two weeks, so a root
/// whose newest sheet is over a month old is probably missing newer agreements. The notes are
/// one line each, for standard error.
public enum SheetFreshness {
    public static let staleAfterDays = 30

    /// Today's date (UTC); `GEO287_TODAY=YYYY-MM-DD` fixes it (for tests and reproducible runs).
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> SignedDate? {
        if let fixed = environment["GEO287_TODAY"], let d = SignedDate(iso: fixed) { return d }
        return SignedDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Notes about the participating sheet a command picked by itself (newest, or `--as-of`).
    public static func notes(catalog: SheetCatalog, asOf: SignedDate?, today: SignedDate?) -> [String] {
        guard let newest = catalog.participating.last else { return [] }
        var out: [String] = []
        if let asOf, asOf > newest.date {
            out.append("--as-of \(asOf) is after the newest sheet in the data root (\(newest.date), \(name(newest.path))); using it. `geo287 data fetch ice` gets newer sheets.")
        }
        if let today {
            let age = today.daysSinceEpoch - newest.date.daysSinceEpoch
            if age > staleAfterDays {
                out.append("the newest ICE sheet here is \(newest.date) (\(age) days old; ICE publishes about every two weeks): run `geo287 data fetch ice` for newer ones.")
            }
        }
        return out
    }

    /// A note when the pending sheet paired with a participating sheet is older than it (ICE
    /// kept listing an old pending sheet from 2026-02-27 on).
    public static func pendingNote(participating: SignedDate?, pendingPath: String, pending: SignedDate?) -> String? {
        guard let p = participating, let q = pending, q.daysSinceEpoch < p.daysSinceEpoch - PendingPairing.pairingDays else { return nil }
        return "pending sheet \(name(pendingPath)) (\(q)) is \(p.daysSinceEpoch - q.daysSinceEpoch) days older than the participating sheet (\(p)): it is the newest pending list published by then."
    }

    static func name(_ path: String) -> String { (path as NSString).lastPathComponent }
}
