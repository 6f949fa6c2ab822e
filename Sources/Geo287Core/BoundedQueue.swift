import Foundation

/// A first-in first-out hand-over between two threads holding at most `capacity` items: `put`
/// waits while it is full, `take` while it is empty. It bounds the memory of a streaming
/// pipeline (read → work → write) by the items in flight, whatever the input's size.
/// `finish()` ends the stream (a `take` on an empty finished queue returns nil); `cancel()`
/// also drops what is queued and makes every later `put` return false, so a producer stops
/// when its consumer has failed.
public final class BoundedQueue<T: Sendable>: @unchecked Sendable {
    // @unchecked: `items`, `finished` and `cancelled` are read and written only under `condition`.
    private let condition = NSCondition()
    private var items: [T] = []   // at most `capacity`: removing the first is cheap
    private var finished = false
    private var cancelled = false
    public let capacity: Int

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Queues `item`, waiting for room; false (item dropped) once the queue is cancelled.
    @discardableResult
    public func put(_ item: T) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && items.count >= capacity { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting for one; nil when the queue is finished and empty, or cancelled.
    public func take() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && !finished && items.isEmpty { condition.wait() }
        guard !cancelled, !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// No more items will come: `take` returns what is queued, then nil.
    public func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops both sides: queued items are dropped, `put` returns false, `take` returns nil.
    public func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
