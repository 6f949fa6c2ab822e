/// Numbers as people read them. One implementation for tables, maps and charts.
public enum NumberText {
    /// The most people one row of a Census table may hold (no county comes near a billion).
    /// Counts above it are refused where they are read, so sums over counties, places and
    /// tracts can never overflow an `Int`.
    public static let peopleLimit = 1_000_000_000

    /// Thousands separated by commas: 130,091,839; -123 (the sign stays outside the groups).
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A share as a percentage: "38.8%", "100%", and "<0.1%" (not "0%") for a share above zero
    /// that rounds to nothing at `decimals` ("<0.01%" with 2).
    public static func percent(_ share: Double, decimals: Int = 1) -> String {
        var smallest = 1.0
        for _ in 0..<decimals { smallest /= 10 }
        if share > 0 && share * 100 < smallest / 2 { return "<" + JSONValue.format(smallest, decimals: decimals) + "%" }
        return JSONValue.format(100 * share, decimals: decimals) + "%"
    }
}
