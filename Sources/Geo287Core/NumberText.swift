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

    static let powersOfTen: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { acc, _ in acc * 10 } }

    /// `ddd.dddddd` with at most 15 digits: the digits as an integer over a power of ten. Both are
    /// exact doubles, so the one division is correctly rounded, the same value `Double(String)`
    /// gives. Anything else returns nil and takes the general path.
    public static func exactDecimal(_ s: ArraySlice<UInt8>) -> Double? {
        s.withUnsafeBufferPointer(exactDecimal)
    }

    /// The same, over bytes in memory (no bounds check per byte: the loop stays within `s`).
    public static func exactDecimal(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        guard s.count <= 16 else { return nil }   // 15 digits and a point at most
        var mantissa = 0, digits = 0, point = -1
        for i in 0..<s.count {
            let d = s[i] &- 0x30
            if d < 10 {
                mantissa = mantissa &* 10 &+ Int(d)   // at most 15 digits: no overflow
                digits &+= 1
            } else if s[i] == 0x2E, point < 0 {
                point = i
            } else {
                return nil
            }
        }
        guard digits > 0, digits <= 15 else { return nil }
        let fraction = point < 0 ? 0 : s.count - 1 - point
        return Double(mantissa) / powersOfTen[fraction]   // fraction ≤ 15: an exact power
    }

}
