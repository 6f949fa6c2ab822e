import Geo287Core
import Geo287TestSupport
import Testing

/// Matching many distinct hostile agency names must stay cheap: the fuzzy searches use an edit
/// distance that stops once past the tolerance. It must give the same answers as the full one.
@Suite("Hostile input: matching cost")
struct MatchingCostTests {
    /// The textbook optimal-string-alignment distance, for reference.
    static func reference(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in stride(from: 1, through: x.count, by: 1) {
            for j in stride(from: 1, through: y.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }

    @Test("the bounded edit distance equals the full one within the limit, and exceeds the limit past it (20,000 seeded pairs)")
    func boundedDistance() {
        var rng = SplitMix64(state: 287)
        func next(_ n: Int) -> Int { rng.below(n) }
        let alphabet = Array("abcde ")
        for _ in 0..<20_000 {
            let a = String((0..<(1 + next(10))).map { _ in alphabet[next(alphabet.count)] })
            var b = Array(a)
            for _ in 0..<next(4) {
                let at = next(b.count + 1)
                switch next(3) {
                case 0: b.insert(alphabet[next(alphabet.count)], at: at)
                case 1: if at < b.count { b.remove(at: at) }
                default: if at + 1 < b.count { b.swapAt(at, at + 1) }
                }
            }
            let full = Self.reference(a, String(b))
            let limit = next(3)
            // Within the limit: the same distance; past it: some value past it.
            let bounded = NameKey.editDistance(a, String(b), limit: limit)
            #expect(full <= limit ? bounded == full : bounded > limit, "\(a) / \(String(b)) limit \(limit): \(bounded), full \(full)")
            if abs(a.utf8.count - b.count) <= 3 { #expect(NameKey.editDistance(a, String(b)) == full) }
        }
        #expect(NameKey.editDistance("pulaksi", "pulaski", limit: 1) == 1)
        #expect(NameKey.editDistance("allegancy", "allegany", limit: 2) == 1)
    }
}
