import Foundation

/// Work started on a background thread whose value is collected later: a single lookup reads
/// the sheets while it loads the county layer, and loads the county subdivisions (the slowest
/// input of the matcher, ~0.3 s) while it reads the place polygons.
public final class Prefetch<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once by the background block before `group.leave()`,
    // and read only after `group.wait()`, which orders the write before the read.
    private let group = DispatchGroup()
    private var result: Result<T, any Error>?

    public init(_ body: @escaping @Sendable () throws -> T) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try body() }
            self.group.leave()
        }
    }

    public func value() throws -> T {
        group.wait()
        guard let result else { throw DataError("Prefetch", "background load produced no result") }
        return try result.get()
    }
}
