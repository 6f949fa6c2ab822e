import Foundation

/// Byte buffers given back after use, so a stream of large pieces (a panel written chunk by
/// chunk) fills the same memory again instead of faulting in fresh pages for every piece.
/// `HashingFileWriter.write(_:returningTo:)` gives a piece back once it is written.
public final class BufferPool: @unchecked Sendable {
    // @unchecked: `free` is only touched under `lock`.
    private let lock = NSLock()
    private var free: [[UInt8]] = []
    private let keep: Int

    /// Keeps at most `keep` buffers (the pieces in flight at once).
    public init(keep: Int = 16) { self.keep = max(1, keep) }

    /// An empty buffer, with the capacity of one given back if there is one.
    public func take() -> [UInt8] {
        guard var buffer = lock.withLock({ free.popLast() }) else { return [] }
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    public func give(_ buffer: [UInt8]) {
        lock.withLock { if free.count < keep { free.append(buffer) } }
    }
}
