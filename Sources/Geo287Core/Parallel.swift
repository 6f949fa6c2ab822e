import Foundation

/// The one way geo287 runs work on several threads. Every parallel job (point location, the
/// place × county overlay, reading place files state by state) is a loop over `0..<count`
/// cut into chunks; up to `threads` workers each build their own state once (a GEOS context
/// and the geometries made in it: GEOS objects never cross threads) and take the next chunk
/// whenever they are free. Outputs go to `DisjointBuffer`s, written at disjoint indices.
public enum Parallel {
    /// Runs `body(&worker, range)` over `0..<count` in chunks of `chunkSize` (the last may be
    /// shorter) on up to `threads` workers, each with its own `makeWorker()` state, made only
    /// when there is a chunk for it. After the first error no new chunk starts; it is rethrown.
    public static func forEachChunk<Worker>(count: Int, chunkSize: Int, threads: Int,
                                            makeWorker: @Sendable () throws -> Worker,
                                            _ body: @Sendable (inout Worker, Range<Int>) throws -> Void) throws {
        guard count > 0 else { return }
        let size = max(1, chunkSize)
        let chunks = (count + size - 1) / size
        let queue = ChunkQueue(count: chunks)
        let workers = max(1, min(threads, chunks))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            guard var chunk = queue.next() else { return }
            do {
                var worker = try makeWorker()
                while true {
                    try body(&worker, (chunk * size)..<min(count, (chunk + 1) * size))
                    guard let next = queue.next() else { break }
                    chunk = next
                }
            } catch {
                queue.fail(error)
            }
        }
        try queue.rethrow()
    }

    /// A chunk size cutting `count` items into about `perThread` chunks per thread, each of at
    /// least `minimum` items: a thread slowed by other work of the process (a reader or a writer
    /// thread sharing its core) then takes fewer chunks instead of holding up the others.
    public static func balancedChunkSize(count: Int, threads: Int, minimum: Int = 2048, perThread: Int = 4) -> Int {
        let parts = min(max(1, threads), 1 << 16) * min(max(1, perThread), 1 << 8)
        return max(max(1, minimum), (count + parts - 1) / parts)
    }

    /// `forEachChunk` without per-worker state.
    public static func forEachChunk(count: Int, chunkSize: Int, threads: Int,
                                    _ body: @Sendable (Range<Int>) throws -> Void) throws {
        try forEachChunk(count: count, chunkSize: chunkSize, threads: threads, makeWorker: { () }) { _, range in try body(range) }
    }

    /// `items.map(body)` on up to `threads` threads, in order; one item per chunk.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int, _ body: @Sendable (T) throws -> R) throws -> [R] {
        let out = DisjointBuffer<R?>(count: items.count, initial: nil)
        try forEachChunk(count: items.count, chunkSize: 1, threads: threads) { range in
            for i in range { out[i] = try body(items[i]) }
        }
        return try out.values.enumerated().map { i, r in
            guard let r else { throw DataError("Parallel.map", "item \(i) produced no result") }
            return r
        }
    }
}

/// A fixed-size buffer that concurrent workers write at disjoint indices.
public final class DisjointBuffer<T>: @unchecked Sendable {
    // @unchecked: each index is written by one worker only, and the buffer is read after
    // `concurrentPerform` has returned (which orders the writes before the read).
    private let storage: UnsafeMutableBufferPointer<T>

    public init(count: Int, initial: T) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    public subscript(i: Int) -> T {
        get { storage[i] }
        set { storage[i] = newValue }
    }

    public var count: Int { storage.count }
    public var values: [T] { Array(storage) }
}

/// Hands out chunk numbers to workers and keeps the first error.
private final class ChunkQueue: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var cursor = 0
    private let count: Int
    private var error: (any Error)?

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard error == nil, cursor < count else { return nil }
        cursor += 1
        return cursor - 1
    }

    func fail(_ e: any Error) {
        lock.lock()
        if error == nil { error = e }
        lock.unlock()
    }

    func rethrow() throws {
        lock.lock()
        let e = error
        lock.unlock()
        if let e { throw e }
    }
}
