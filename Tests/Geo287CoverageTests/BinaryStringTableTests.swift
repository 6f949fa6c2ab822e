import Geo287Core
import Testing

/// `BinaryWriter` writes a string's bytes once and a reference to them after; `BinaryReader`
/// gives back every string with its exact bytes.
@Suite struct BinaryStringTableTests {
    @Test func repeatsAreReferencesAndDecodeToTheSameBytes() throws {
        var w = BinaryWriter()
        w.string("Collier County")
        w.string("Collier County")
        w.string("")
        w.string("")
        // Length + 14 bytes, a reference, an empty literal (length only), a reference.
        #expect(w.bytes.count == 8 + 14 + 8 + 8 + 8)
        var r = BinaryReader(w.bytes)
        #expect(try (0..<4).map { _ in try r.string() } == ["Collier County", "Collier County", "", ""])
        #expect(r.atEnd)
    }

    /// "é" precomposed and decomposed are equal as Swift strings, not as bytes: each is
    /// written as it is and read back with its own bytes.
    @Test func canonicallyEquivalentSpellingsKeepTheirBytes() throws {
        let composed = "Espa\u{00F1}ola", decomposed = "Espan\u{0303}ola"
        #expect(composed == decomposed)
        var w = BinaryWriter()
        w.string(composed)
        w.string(decomposed)
        w.string(decomposed)
        var r = BinaryReader(w.bytes)
        let read = try (0..<3).map { _ in Array(try r.string().utf8) }
        #expect(read == [Array(composed.utf8), Array(decomposed.utf8), Array(decomposed.utf8)])
    }

    /// Thousands of strings (the table grows many times), each written twice in another order:
    /// the second pass is all references, and everything reads back in order.
    @Test func manyStringsRoundTripThroughGrowth() throws {
        let texts = (0..<5_000).map { "https://www.ice.gov/doclib/287gMOA/agency-\($0 * 7919 % 10_007).pdf" }
        var w = BinaryWriter()
        for t in texts { w.string(t) }
        let literals = w.bytes.count
        for t in texts.reversed() { w.string(t) }
        #expect(w.bytes.count == literals + 8 * texts.count)
        var r = BinaryReader(w.bytes)
        let read = try (0..<(2 * texts.count)).map { _ in try r.string() }
        #expect(read == texts + texts.reversed())
    }
}
