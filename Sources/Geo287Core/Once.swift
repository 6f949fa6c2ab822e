import Foundation

/// A value computed at most once, on first use, by whichever thread asks first (the others
/// wait for it); an error is kept and thrown to every caller.
public final class Once<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is only read and written under `lock`.
    private let lock = NSLock()
    private var result: Result<T, any Error>?
    private let body: @Sendable () throws -> T

    public init(_ body: @escaping @Sendable () throws -> T) { self.body = body }

    public func value() throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let result { return try result.get() }
        let made = Result { try body() }
        result = made
        return try made.get()
    }
}
