import Foundation
import Geo287Core
import Geo287TestSupport
import Testing

/// `FixedDecimal` prints exactly what `String(format: "%.Nf")` (glibc's printf) prints.
@Suite struct FixedDecimalTests {
    @Test func tiesRoundHalfToEvenOnTheExactValue() {
        #expect(FixedDecimal.format(0.5, decimals: 0) == "0")
        #expect(FixedDecimal.format(1.5, decimals: 0) == "2")
        #expect(FixedDecimal.format(2.5, decimals: 0) == "2")
        #expect(FixedDecimal.format(0.125, decimals: 2) == "0.12")
        #expect(FixedDecimal.format(0.375, decimals: 2) == "0.38")
        #expect(FixedDecimal.format(2.675, decimals: 2) == "2.67")   // 2.67499999... in binary
        #expect(FixedDecimal.format(-0.0000001, decimals: 6) == "-0.000000")
        #expect(FixedDecimal.format(0.391043, decimals: 6) == "0.391043")
        #expect(FixedDecimal.format(.nan, decimals: 2) == nil)
        #expect(FixedDecimal.format(1e300, decimals: 2) == nil)
    }

    @Test func equalsPrintfOnAMillionValues() {
        var rng = SplitMix64(state: 287)
        var mismatches: [String] = [], formatted = 0
        for i in 0..<1_000_000 {
            let n = i % 10
            let d: Double
            switch i % 5 {
            case 0: d = Double(bitPattern: rng.next() & 0x3FEF_FFFF_FFFF_FFFF)                      // [0, 1)
            case 1: d = Double(rng.next() % 2_000_000) / 1_000_000 - 1                             // six-digit values
            case 2: d = Double(rng.next() % 100_000) / 8 + (rng.next() % 2 == 0 ? 0.0625 : 0.5)    // exact ties
            case 3: d = Double(bitPattern: 0x3CB0_0000_0000_0000 + rng.next() % 0x0500_0000_0000_0000) // 1e-16 ... 1e12
            default: d = -Double(bitPattern: rng.next() & 0x3FEF_FFFF_FFFF_FFFF) * Double(rng.next() % 1000)
            }
            let expected = String(format: "%.\(n)f", d)
            guard let got = FixedDecimal.format(d, decimals: n) else { continue }
            formatted += 1
            if got != expected, mismatches.count < 5 { mismatches.append("\(d) %.\(n)f: \(got) != \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(formatted == 1_000_000)   // every value here is below 2^40
    }
}
