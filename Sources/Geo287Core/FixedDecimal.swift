/// `String(format: "%.Nf", d)` without Foundation's formatter (which costs ~10 µs a call; a
/// `match` prints tens of thousands of shares): the double's exact binary value, scaled by
/// 10^N and rounded half to even, as glibc's printf does. Nil where it does not apply
/// (not finite, N outside 0...9, magnitude of 2^40 or more): the caller then formats as before.
public enum FixedDecimal {
    private static let powers: [UInt128] = (0...9).map { n in (0..<n).reduce(UInt128(1)) { v, _ in v * 10 } }

    public static func format(_ d: Double, decimals n: Int) -> String? {
        guard d.isFinite, (0...9).contains(n), d.magnitude < 0x1p40 else { return nil }
        let bits = d.significandBitPattern
        let (m, e): (UInt128, Int) = d.isZero ? (0, 0)
            : d.isSubnormal ? (UInt128(bits), -1074) : (UInt128(bits | (1 << 52)), Int(d.exponent) - 52)
        var q = m * powers[n]                       // < 2^83
        if e >= 0 {
            q <<= UInt128(e)                        // e < 40 here: < 2^123
        } else if -e >= 128 {
            q = 0                                   // below 2^-45: rounds to zero
        } else {
            let s = UInt128(-e)
            let rem = q & ((1 << s) - 1), half = UInt128(1) << (s - 1)
            q >>= s
            if rem > half || (rem == half && q & 1 == 1) { q += 1 }
        }
        var digits = String(q)
        if digits.count <= n { digits = String(repeating: "0", count: n + 1 - digits.count) + digits }
        if n > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -n)) }
        return d.sign == .minus ? "-" + digits : digits
    }
}
