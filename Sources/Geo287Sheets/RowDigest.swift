/// A 64-bit digest of a row's cells, taken in one pass over their bytes, eight at a time (FNV-1a's
/// multiply with a shift; every step is a bijection of the state, so the digest depends on every
/// byte and on where one text ends and the next begins). Not keyed: it only picks the memo's
/// bucket, and rows in one bucket are still compared byte for byte (`AgreementMemo`).
struct RowDigest {
    private(set) var value: UInt64

    init(seed: Int) { value = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: seed) }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        let m = (value ^ word) &* 0x0000_0100_0000_01b3
        value = m ^ (m >> 29)
    }

    /// A tag (absent cell, value kind, missing link) or a length.
    mutating func add(_ n: Int) { mix(UInt64(truncatingIfNeeded: n) &+ 0x9e37_79b9_7f4a_7c15) }

    /// A text's length, then its UTF-8 bytes.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            add(bytes.count)
            let raw = UnsafeRawBufferPointer(bytes)
            let words = raw.count / 8
            for i in 0..<words { mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) }
            var tail: UInt64 = 0
            for i in stride(from: raw.count - 1, through: words * 8, by: -1) { tail = tail << 8 | UInt64(raw[i]) }
            if words * 8 < raw.count { mix(tail) }
        }
    }

    /// A cell of a header column (nil: absent): its value's kind and bytes, then its hyperlink.
    mutating func add(_ cell: RawCell?) {
        guard let cell else { add(0); return }
        switch cell.value {
        case nil: add(1)
        case .text(let s)?: add(2); add(s)
        case .number(let s)?: add(3); add(s)
        case .error(let s)?: add(4); add(s)
        case .bool(let b)?: add(b ? 5 : 6)
        }
        if let link = cell.link { add(8); add(link) } else { add(7) }
    }
}
