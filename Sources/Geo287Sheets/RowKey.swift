import Foundation

/// The bytes a row is known by in `AgreementMemo`: the sheet context's number, then for each
/// cell of the header's columns its value's kind, length and bytes and its hyperlink's, written
/// into one reusable buffer (so no two rows that differ in any byte, or in where a text ends,
/// write the same bytes); and a 64-bit digest of them, eight bytes at a time (FNV-1a's multiply
/// with a shift: every step is a bijection of the state). The digest only picks the memo's
/// bucket; rows in one bucket are told apart by their bytes.
struct RowKey {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    /// Starts the key of a row of a sheet whose context is `context`.
    mutating func start(context: Int) {
        bytes.removeAll(keepingCapacity: true)
        add(context)
    }

    private mutating func add(_ n: Int) {
        withUnsafeBytes(of: UInt64(truncatingIfNeeded: n).littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func add(tag: UInt8, _ text: String) {
        bytes.append(tag)
        add(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// A cell of a header column (nil: absent): its value's kind and bytes, then its hyperlink.
    mutating func add(_ cell: RawCell?) {
        guard let cell else { bytes.append(0); return }
        switch cell.value {
        case nil: bytes.append(1)
        case .text(let s)?: add(tag: 2, s)
        case .number(let s)?: add(tag: 3, s)
        case .error(let s)?: add(tag: 4, s)
        case .bool(let b)?: bytes.append(b ? 5 : 6)
        }
        if let link = cell.link { add(tag: 8, link) } else { bytes.append(7) }
    }

    /// The digest of the bytes written since `start(context:)`.
    var digest: UInt64 {
        bytes.withUnsafeBytes { raw in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            @inline(__always) func mix(_ w: UInt64) { let m = (h ^ w) &* 0x0000_0100_0000_01b3; h = m ^ (m >> 29) }
            let words = raw.count / 8
            for i in 0..<words { mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) }
            var tail: UInt64 = 0
            for i in stride(from: raw.count - 1, through: words * 8, by: -1) { tail = tail << 8 | UInt64(raw[i]) }
            mix(tail)
            return h
        }
    }

    /// Whether `key` holds the bytes written since `start(context:)`.
    func matches(_ key: [UInt8]) -> Bool {
        guard key.count == bytes.count else { return false }
        return key.withUnsafeBytes { a in
            bytes.withUnsafeBytes { b in
                guard let p = a.baseAddress, let q = b.baseAddress else { return true }
                return memcmp(p, q, a.count) == 0
            }
        }
    }
}
