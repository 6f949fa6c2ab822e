import Foundation

/// Work run in order on a thread of its own, at most `inFlight` items queued ahead of it: a
/// producer (of a sheet's panel rows, of a file's pieces) goes on while earlier items are
/// handled, and its memory stays bounded. The first error is kept: later items are skipped,
/// and the next `submit` or `drain` throws it.
public final class OrderedWorker: @unchecked Sendable {
    // @unchecked: `failure` is only touched under `lock`.
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var failure: (any Error)?

    public init(label: String, inFlight: Int = 4) {
        queue = DispatchQueue(label: label)
        slots = DispatchSemaphore(value: max(1, inFlight))
    }

    /// Queues `work`, waiting while `inFlight` items are queued; throws the first error of earlier items.
    public func submit(_ work: @escaping @Sendable () throws -> Void) throws {
        try rethrow()
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            do {
                try work()
            } catch {
                lock.withLock { failure = error }
            }
        }
    }

    /// Waits for the queued items, then runs `body` on the worker's thread (to read what the
    /// items built); throws the first error of the items.
    public func drain<T>(_ body: () throws -> T) throws -> T {
        let result = queue.sync { Result { try body() } }
        try rethrow()
        return try result.get()
    }

    private func rethrow() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
