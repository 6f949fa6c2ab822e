import Foundation

/// Normalized keys for comparing agency, county and place names as people spell them:
/// case, accents (`Doña` = `Dona`), apostrophes and periods, hyphens (`Miami-Dade` =
/// `Miami Dade`), `&`, `Saint`/`St.`, `Fort`/`Ft.`, `Mount`/`Mt.`, spacing.
public enum NameKey {
    public static func normalize(_ text: String) -> String {
        // Fold accents only when there are non-ASCII characters (rare): the ASCII path is a byte loop.
        let source = text.utf8.allSatisfy({ $0 < 0x80 }) ? text
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.utf8.count + 8)
        for scalar in source.unicodeScalars {
            switch scalar {
            case "A"..."Z": bytes.append(UInt8(scalar.value) + 32)
            case "a"..."z", "0"..."9": bytes.append(UInt8(scalar.value))
            case "'", "`", "\u{2019}", "\u{2018}": continue          // apostrophes vanish: sheriff's = sheriffs
            case "&": bytes.append(contentsOf: Array(" and ".utf8))
            default:
                if scalar.value < 0x80 { bytes.append(0x20) }       // punctuation and spaces separate words
                else if scalar.properties.isAlphabetic, let lower = String(scalar).lowercased().unicodeScalars.first,
                        lower.value < 0x80 { bytes.append(UInt8(lower.value)) }
                else { bytes.append(0x20) }
            }
        }
        var words = bytes.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        for i in words.indices {
            switch words[i] {
            case "saint": words[i] = "st"
            case "sainte": words[i] = "ste"
            case "ft": words[i] = "fort"
            case "mt": words[i] = "mount"
            case "twp": words[i] = "township"
            case "dept", "departement": words[i] = "department"
            case "pd": words[i] = "police department"
            case "so" where i == words.count - 1: words[i] = "sheriffs office"
            default: break
            }
        }
        return words.joined(separator: " ")
    }

    /// Removes `suffixes` (normalized word sequences) from the end of `key`, repeatedly.
    public static func stripSuffixes(_ key: String, _ suffixes: [String]) -> String {
        var k = key
        var changed = true
        while changed {
            changed = false
            for s in suffixes where k.hasSuffix(" " + s) || k == s {
                k = k == s ? "" : String(k.dropLast(s.count + 1))
                changed = true
            }
        }
        return k
    }

    public static func stripPrefixes(_ key: String, _ prefixes: [String]) -> String {
        var k = key
        for p in prefixes where k.hasPrefix(p + " ") { k = String(k.dropFirst(p.count + 1)) }
        return k
    }

    /// Edit distance counting an adjacent transposition as one edit (optimal string alignment),
    /// for misspellings such as `Pulaksi` or `Allegancy`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        if abs(x.count - y.count) > 3 { return abs(x.count - y.count) }   // beyond any tolerance used
        var before = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                var d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
                cur[j] = d
            }
            before = prev
            prev = cur
        }
        return prev[y.count]
    }

    /// The largest edit distance accepted as a misspelling of a name of this length.
    public static func fuzzyTolerance(_ key: String) -> Int { key.count >= 9 ? 2 : (key.count >= 5 ? 1 : 0) }
}
