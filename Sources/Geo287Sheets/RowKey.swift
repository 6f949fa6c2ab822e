import Foundation
import Geo287Core

/// The bytes a row is known by in `AgreementMemo`: the sheet context's number, then for each
/// cell of the header's columns its value's kind, length and bytes and its hyperlink's, written
/// into one reusable buffer (so no two rows that differ in any byte, or in where a text ends,
/// write the same bytes); and their `ByteDigest`. The digest only picks the memo's bucket; rows
/// in one bucket are told apart by their bytes.
struct RowKey {
    /// The buffer; its first `count` bytes are the key (the rest is room, grown as needed).
    private var buffer: [UInt8] = Array(repeating: 0, count: 512)
    private(set) var count = 0

    /// The key's bytes (a copy, for an entry).
    var bytes: [UInt8] { Array(buffer[0..<count]) }

    /// Starts the key of a row of a sheet whose context is `context`.
    mutating func start(context: Int) {
        count = 0
        add(context)
    }

    /// Room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if buffer.count - count < n { buffer.append(contentsOf: repeatElement(0, count: max(n, buffer.count))) }
    }

    private mutating func add(_ n: Int) {
        reserve(8)
        buffer.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(truncatingIfNeeded: n).littleEndian, toByteOffset: count, as: UInt64.self) }
        count += 8
    }

    private mutating func add(tag: UInt8) {
        reserve(1)
        buffer[count] = tag
        count += 1
    }

    private mutating func add(tag: UInt8, _ text: String) {
        add(tag: tag)
        let utf8 = text.utf8
        let n = utf8.count
        add(n)
        reserve(n)
        let at = count
        buffer.withUnsafeMutableBytes { out in
            let copied = utf8.withContiguousStorageIfAvailable { source -> Bool in
                if let base = source.baseAddress, let target = out.baseAddress { memcpy(target + at, base, n) }
                return true
            }
            if copied == nil { for (k, b) in utf8.enumerated() { out[at + k] = b } }
        }
        count += n
    }

    /// A cell of a header column (nil: absent): its value's kind and bytes, then its hyperlink.
    mutating func add(_ cell: RawCell?) {
        guard let cell else { add(tag: 0); return }
        switch cell.value {
        case nil: add(tag: 1)
        case .text(let s)?: add(tag: 2, s)
        case .number(let s)?: add(tag: 3, s)
        case .error(let s)?: add(tag: 4, s)
        case .bool(let b)?: add(tag: b ? 5 : 6)
        }
        if let link = cell.link { add(tag: 8, link) } else { add(tag: 7) }
    }

    /// The digest of the bytes written since `start(context:)`.
    var digest: UInt64 {
        buffer.withUnsafeBytes { ByteDigest.of(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// Whether `key` holds the bytes written since `start(context:)`.
    func matches(_ key: [UInt8]) -> Bool {
        guard key.count == count else { return false }
        return key.withUnsafeBytes { a in
            buffer.withUnsafeBytes { b in
                guard let p = a.baseAddress, let q = b.baseAddress else { return true }
                return memcmp(p, q, count) == 0
            }
        }
    }
}
