import Foundation

/// A file written piece by piece (an output too large to hold whole), its SHA-256 and size
/// computed as it goes. The hashing and writing run on a thread of their own (`OrderedWorker`),
/// a few pieces behind the caller at most; a piece is hashed and written from its own buffer,
/// not copied. An error is reported by the next `write` or by `finish`. Inside an
/// `AtomicFolder.Staging` set, so that a failure publishes nothing.
public final class HashingFileWriter: @unchecked Sendable {
    // @unchecked: `sha` and `written` are only touched by the worker's items and in its `drain`.
    private let handle: FileHandle
    private let path: String
    private let worker = OrderedWorker(label: "geo287.hashing-file-writer")
    private var sha = SHA256()
    private var written = 0

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

    /// Queues `piece` (hashed and written in order); once written, it goes back to `pool` if given.
    public func write(_ piece: [UInt8], returningTo pool: BufferPool? = nil) throws {
        try worker.submit { [self] in
            defer { pool?.give(piece) }
            guard !piece.isEmpty else { return }
            piece.withUnsafeBytes { sha.update($0) }
            written += piece.count
            do {
                try handle.write(contentsOf: piece)
            } catch {
                throw DataError.io(path, "cannot write (\(error.localizedDescription))")
            }
        }
    }

    /// Waits for the queued pieces, closes the file; returns its SHA-256 (hex) and size.
    public func finish() throws -> (sha256: String, bytes: Int) {
        let (digest, bytes) = try worker.drain { () -> (String, Int) in
            var sha = self.sha
            return (sha.finalize(), written)
        }
        do {
            try handle.close()
        } catch {
            throw DataError.io(path, "cannot close (\(error.localizedDescription))")
        }
        return (digest, bytes)
    }
}
