import Foundation

/// Maps `items` on up to `threads` threads, keeping order; the first error is rethrown.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], threads: Int, _ body: @Sendable (T) throws -> R) throws -> [R] {
    if items.isEmpty { return [] }
    let workers = max(1, min(threads, items.count))
    let slots = ResultSlots<Result<R, any Error>>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        var i = w
        while i < items.count {
            slots.set(i, Result { try body(items[i]) })
            i += workers
        }
    }
    return try items.indices.map { i in
        guard let r = slots.get(i) else { throw DataError("parallelMap", "worker \(i) produced no result") }
        return try r.get()
    }
}

/// Disjoint per-index result slots written by concurrent workers.
public final class ResultSlots<T>: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private var slots: [T?]
    private let lock = NSLock()
    public init(count: Int) { slots = Array(repeating: nil, count: count) }
    public func set(_ i: Int, _ value: T) { lock.lock(); slots[i] = value; lock.unlock() }
    public func get(_ i: Int) -> T? { lock.lock(); defer { lock.unlock() }; return slots[i] }
}
