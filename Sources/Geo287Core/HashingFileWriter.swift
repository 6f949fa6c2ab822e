import Foundation

/// A file written piece by piece (an output too large to hold whole), its SHA-256 and size
/// computed as it goes. The hashing and writing run on a thread of their own, a few pieces
/// behind the caller at most; an error is reported by the next `write` or by `finish`. Inside
/// an `AtomicFolder.Staging` set, so that a failure publishes nothing.
public final class HashingFileWriter: @unchecked Sendable {
    // @unchecked: `sha`, `bytes` and `failure` are only touched on `queue` (read after it drains).
    private let handle: FileHandle
    private let path: String
    private let queue = DispatchQueue(label: "geo287.hashing-file-writer")
    private let inFlight = DispatchSemaphore(value: 4)
    private var sha = SHA256()
    private var written = 0
    private var failure: DataError?

    public init(_ url: URL) throws {
        path = url.path
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw DataError.io(path, "cannot create file") }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw DataError.io(path, "cannot open for writing (\(error.localizedDescription))")
        }
    }

    deinit { try? handle.close() }

    /// Queues `piece` (hashed and written in order).
    public func write(_ piece: [UInt8]) throws {
        if let failure = queue.sync(execute: { self.failure }) { throw failure }
        guard !piece.isEmpty else { return }
        inFlight.wait()
        queue.async { [self] in
            defer { inFlight.signal() }
            guard failure == nil else { return }
            let data = Data(piece)
            sha.update(data)
            written += piece.count
            do {
                try handle.write(contentsOf: data)
            } catch {
                failure = DataError.io(path, "cannot write (\(error.localizedDescription))")
            }
        }
    }

    /// Waits for the queued pieces, closes the file; returns its SHA-256 (hex) and size.
    public func finish() throws -> (sha256: String, bytes: Int) {
        let (failure, digest, bytes) = queue.sync { () -> (DataError?, String, Int) in
            var sha = self.sha
            return (self.failure, sha.finalize(), written)
        }
        if let failure { throw failure }
        do {
            try handle.close()
        } catch {
            throw DataError.io(path, "cannot close (\(error.localizedDescription))")
        }
        return (digest, bytes)
    }
}
