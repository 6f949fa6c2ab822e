/// A 64-bit digest of bytes, eight at a time (FNV-1a's multiply with a shift: every step is a
/// bijection of the state), for tables that find byte strings again (`BinaryStringTable`, the
/// sheet memo's row keys). A digest only picks a slot: equal digests are told apart by their bytes.
public enum ByteDigest {
    public static func of(_ raw: UnsafeRawBufferPointer, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed ^ UInt64(raw.count)
        @inline(__always) func mix(_ w: UInt64) { let m = (h ^ w) &* 0x0000_0100_0000_01b3; h = m ^ (m >> 29) }
        let words = raw.count / 8
        for i in 0..<words { mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) }
        var tail: UInt64 = 0
        for i in stride(from: raw.count - 1, through: words * 8, by: -1) { tail = tail << 8 | UInt64(raw[i]) }
        mix(tail)
        return h
    }
}
