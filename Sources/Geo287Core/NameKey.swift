import Foundation

/// Normalized keys for comparing agency, county and place names as people spell them:
/// case, accents (`Doña` = `Dona`), apostrophes and periods, hyphens (`Miami-Dade` =
/// `Miami Dade`), `&`, `Saint`/`St.`, `Fort`/`Ft.`, `Mount`/`Mt.`, spacing.
public enum NameKey {
    public static func normalize(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        var utf8 = text
        let ascii = utf8.withUTF8 { buffer in
            // The common case: a byte loop over the string's own bytes, no Unicode work.
            guard !buffer.contains(where: { $0 >= 0x80 }) else { return false }
            for c in buffer { appendASCII(c, to: &bytes) }
            return true
        }
        if !ascii {
            // Fold accents (rare): Doña = Dona.
            let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            for scalar in folded.unicodeScalars {
                if scalar.value < 0x80 { appendASCII(UInt8(scalar.value), to: &bytes); continue }
                switch scalar {
                case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{00B4}": continue                    // curly apostrophes vanish too
                default:
                    if scalar.properties.isAlphabetic, let lower = String(scalar).lowercased().unicodeScalars.first,
                       lower.value < 0x80 { bytes.append(UInt8(lower.value)) } else { bytes.append(0x20) }
                }
            }
        }
        // Words, with the abbreviations spelled out, joined by single spaces.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        let n = bytes.count
        while i < n {
            while i < n, bytes[i] == 0x20 { i += 1 }
            if i == n { break }
            let start = i
            while i < n, bytes[i] != 0x20 { i += 1 }
            var rest = i
            while rest < n, bytes[rest] == 0x20 { rest += 1 }
            if !out.isEmpty { out.append(0x20) }
            let word = bytes[start..<i]
            if let e = expansion(word, isLast: rest == n) { out.append(contentsOf: e) } else { out.append(contentsOf: word) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-case letters and digits kept; apostrophes dropped (sheriff's = sheriffs); `&` is
    /// `and`; every other ASCII character separates words.
    @inline(__always)
    private static func appendASCII(_ c: UInt8, to bytes: inout [UInt8]) {
        switch c {
        case 0x41...0x5A: bytes.append(c + 32)
        case 0x61...0x7A, 0x30...0x39: bytes.append(c)
        case 0x27, 0x60: break
        case 0x26: bytes.append(contentsOf: [0x20, 0x61, 0x6E, 0x64, 0x20])
        default: bytes.append(0x20)
        }
    }

    private static let expansions: [(word: [UInt8], lastOnly: Bool, to: [UInt8])] = [
        ("saint", false, "st"), ("sainte", false, "ste"), ("ft", false, "fort"), ("mt", false, "mount"),
        ("twp", false, "township"), ("dept", false, "department"), ("departement", false, "department"),
        ("pd", false, "police department"), ("so", true, "sheriffs office"),
    ].map { (Array($0.0.utf8), $0.1, Array($0.2.utf8)) }

    private static func expansion(_ word: ArraySlice<UInt8>, isLast: Bool) -> [UInt8]? {
        guard word.count <= 11, let f = word.first, f == 0x73 || f == 0x66 || f == 0x6D || f == 0x74 || f == 0x64 || f == 0x70 else { return nil }
        for e in expansions where (isLast || !e.lastOnly) && word.elementsEqual(e.word) { return e.to }
        return nil
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
    public static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in editDistance(x, y, limit: limit) } }
    }

    /// The distance on bytes, with no allocation on the heap (three rows on the stack). With
    /// `limit`: a distance within the limit is exact; past it, some value past the limit is
    /// returned as soon as that is certain.
    static func editDistance(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let gap = abs(x.count - y.count)
        if gap > 3 { return gap }   // beyond any tolerance used
        if gap > limit { return limit + 1 }
        let width = y.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            guard let start = rows.baseAddress else { return gap }
            var before = start, prev = start + width, cur = start + 2 * width
            for j in 0..<width { before[j] = 0; prev[j] = j }
            var prevMin = 0
            for i in 1...x.count {
                cur[0] = i
                var rowMin = i
                for j in 1...y.count {
                    var d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                    if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
                    cur[j] = d
                    rowMin = min(rowMin, d)
                }
                // Later rows grow from this row and (by a transposition, +1) the one before it.
                if rowMin > limit && prevMin > limit { return limit + 1 }
                prevMin = rowMin
                (before, prev, cur) = (prev, cur, before)
            }
            return prev[y.count]
        }
    }

    /// The largest edit distance accepted as a misspelling of a name of this length.
    public static func fuzzyTolerance(_ key: String) -> Int { key.count >= 9 ? 2 : (key.count >= 5 ? 1 : 0) }
}
