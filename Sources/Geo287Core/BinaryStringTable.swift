import Foundation

/// The strings a `BinaryWriter` has written so far, found again by their UTF-8 bytes: an
/// open-addressing table of (hash, where the bytes are in the writer's output) that holds no
/// copy of any string. Indices are given in the order strings are first written, as
/// `BinaryReader` numbers them. Two strings are the same entry only when their bytes are equal
/// (Swift's `==` would also merge canonically equivalent spellings, and a reference would then
/// decode to the other spelling's bytes).
struct BinaryStringTable: Sendable {
    private struct Entry {
        let hash: Int
        let offset: Int
        let count: Int
    }

    private var entries: [Entry] = []
    /// Entry index + 1 by slot (0: empty); a power of two at most half full.
    private var slots = [Int](repeating: 0, count: 64)

    /// The index of the string whose bytes are `utf8`, looking for them in `output`; nil when
    /// none was written yet, and then `utf8` is recorded as the next index, its bytes at
    /// `offset` of `output` (where the caller is about to append them).
    mutating func index(of utf8: UnsafeBufferPointer<UInt8>, in output: [UInt8], recordingAt offset: Int) -> Int? {
        let hash = Self.hash(utf8)
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let index = slots[slot] - 1
            let entry = entries[index]
            if entry.hash == hash, entry.count == utf8.count, Self.equal(utf8, output, entry.offset) { return index }
            slot = (slot + 1) & mask
        }
        entries.append(Entry(hash: hash, offset: offset, count: utf8.count))
        slots[slot] = entries.count
        if entries.count * 2 > slots.count { grow() }
        return nil
    }

    /// `ByteDigest` with a seed drawn per process (crafted texts cannot collide on purpose run
    /// after run; the table's contents, and so the output, do not depend on it), its high bits
    /// folded into the low ones that pick the slot.
    private static let seed = UInt64.random(in: .min ... .max)

    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var h = ByteDigest.of(UnsafeRawBufferPointer(utf8), seed: seed)
        h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: h ^ (h >> 33))
    }

    /// True when `output` holds the bytes of `utf8` at `offset`.
    private static func equal(_ utf8: UnsafeBufferPointer<UInt8>, _ output: [UInt8], _ offset: Int) -> Bool {
        guard offset >= 0, offset <= output.count - utf8.count else { return false }
        guard let p = utf8.baseAddress, !utf8.isEmpty else { return true }
        return output.withUnsafeBufferPointer { o in
            guard let q = o.baseAddress else { return false }
            return memcmp(p, q + offset, utf8.count) == 0
        }
    }

    private mutating func grow() {
        var bigger = [Int](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (i, entry) in entries.enumerated() {
            var slot = entry.hash & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = i + 1
        }
        slots = bigger
    }
}
