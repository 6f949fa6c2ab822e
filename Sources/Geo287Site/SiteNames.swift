import Foundation

/// Census place names as people say them: "Nashville-Davidson metropolitan government (balance)"
/// is shown as "Nashville-Davidson" and also found as "Nashville"; "Urban Honolulu" as "Honolulu".
enum SiteNames {
    static let governmentWords = [
        " (balance)", " metropolitan government", " metro government", " unified government", " consolidated government",
        " city and borough", " urban county",
    ]

    /// The name to show, and another name it is also found by (nil when there is none).
    static func plain(_ censusName: String) -> (shown: String, alias: String?) {
        var shown = censusName
        for w in governmentWords {
            if let r = shown.range(of: w, options: [.caseInsensitive, .backwards]) { shown.removeSubrange(r) }
        }
        if shown.hasPrefix("Urban ") { return (shown, String(shown.dropFirst(6))) }
        if let dash = shown.firstIndex(of: "-"), shown != censusName || shown.contains(" County") {
            return (shown, String(shown[..<dash]))
        }
        return (shown, nil)
    }
}
