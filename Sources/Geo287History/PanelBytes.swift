/// Panel rows written straight into a buffer of the exact size (`BatchCountyPanel`,
/// `PanelParts`): a row is a few byte strings made once and copied many times, so counting
/// their sizes first and copying them in place beats appending piece by piece.
enum PanelBytes {
    /// Copies `bytes` to `out + at`; returns the position after them.
    @inline(__always)
    static func copy(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>, at: Int) -> Int {
        if let from = bytes.baseAddress { (out + at).initialize(from: from, count: bytes.count) }
        return at + bytes.count
    }

    @inline(__always)
    static func copy(_ bytes: [UInt8], to out: UnsafeMutablePointer<UInt8>, at: Int) -> Int {
        bytes.withUnsafeBufferPointer { copy($0, to: out, at: at) }
    }

    /// The number of bytes `decimal` writes for `n`.
    static func decimalSize(_ n: Int) -> Int {
        var size = n < 0 ? 2 : 1, rest = n.magnitude
        while rest >= 10 { rest /= 10; size += 1 }
        return size
    }

    /// Writes `n` in decimal (as `String(n)` prints it) at `out + at`; returns the position after it.
    static func decimal(_ n: Int, to out: UnsafeMutablePointer<UInt8>, at: Int) -> Int {
        let size = decimalSize(n)
        var rest = n.magnitude, k = at + size
        repeat {
            k -= 1
            out[k] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        if n < 0 { out[at] = UInt8(ascii: "-") }
        return at + size
    }

    /// Appends `n` in decimal (as `String(n)` prints it).
    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            guard let at = digits.baseAddress else { return }
            out.append(contentsOf: UnsafeBufferPointer(start: at, count: decimal(n, to: at, at: 0)))
        }
    }
}
