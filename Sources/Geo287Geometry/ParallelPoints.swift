import Dispatch

/// Runs a per-point job on several threads: the points are split into one contiguous range per
/// thread, and each thread writes only its own range of the output.
enum ParallelPoints {
    /// `body(points, range)` must write `points.out[i]` for every i in `range` and nothing else.
    /// Returns −1 for the points of a range whose body threw (the first error is rethrown).
    static func map(xs: [Double], ys: [Double], threads: Int,
                    _ body: @Sendable (PointBuffers, Range<Int>) throws -> Void) throws -> [Int32] {
        let n = Swift.min(xs.count, ys.count)
        guard n > 0 else { return [] }
        let workers = Swift.max(1, Swift.min(threads, n))
        let errors = ErrorSlots(count: workers)
        let result = [Int32](unsafeUninitializedCapacity: n) { out, initialized in
            out.initialize(repeating: -1)
            xs.withUnsafeBufferPointer { xb in
                ys.withUnsafeBufferPointer { yb in
                    let points = PointBuffers(xs: xb, ys: yb, out: out)
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        do { try body(points, (n * w / workers)..<(n * (w + 1) / workers)) } catch { errors.set(w, error) }
                    }
                }
            }
            initialized = n
        }
        if let error = errors.first { throw error }
        return result
    }
}

/// Inputs and output of one `ParallelPoints.map`. `@unchecked Sendable` is safe because the
/// inputs are only read, every worker writes only the output indices of its own range, the
/// ranges are disjoint, nothing reads the output before all workers have returned, and the
/// buffers outlive the workers (they come from `withUnsafeBufferPointer` around the whole run).
struct PointBuffers: @unchecked Sendable {
    let xs: UnsafeBufferPointer<Double>
    let ys: UnsafeBufferPointer<Double>
    let out: UnsafeMutableBufferPointer<Int32>
}

/// One error slot per worker. `@unchecked Sendable`: worker w writes only slot w, and the slots
/// are read after `concurrentPerform` has returned (which orders the writes before the read).
final class ErrorSlots: @unchecked Sendable {
    private var slots: [Error?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ w: Int, _ error: Error) { slots.withUnsafeMutableBufferPointer { $0[w] = error } }
    var first: Error? { slots.compactMap { $0 }.first }
}
