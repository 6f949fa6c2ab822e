import Foundation

/// A file written piece by piece (an output too large to hold whole), its SHA-256 and size
/// computed as it goes. Hashing and writing each run on a thread of their own (`OrderedWorker`),
/// a piece hashed and then handed to the writing thread, a few pieces behind the caller at
/// most, so the two overlap; a piece is hashed from its own buffer and written as
/// `StreamingFile` writes (past the page cache where it can). An error is reported by the next
/// `write` or by `finish`. Inside an `AtomicFolder.Staging` set, so that a failure publishes
/// nothing.
public final class HashingFileWriter: @unchecked Sendable {
    // @unchecked: `sha` and `written` are only touched by `hashing`'s items and in its `drain`;
    // `file` by `writing`'s items and in its `drain`.
    private let file: StreamingFile
    private let hashing = OrderedWorker(label: "geo287.hashing-file-writer.hash")
    private let writing = OrderedWorker(label: "geo287.hashing-file-writer.write")
    private var sha = SHA256()
    private var written = 0

    public init(_ url: URL) throws {
        file = try StreamingFile(path: url.path)
    }

    /// Queues `piece` (hashed and written in order); once written, it goes back to `pool` if given.
    public func write(_ piece: [UInt8], returningTo pool: BufferPool? = nil) throws {
        try hashing.submit { [self] in
            guard !piece.isEmpty else { pool?.give(piece); return }
            piece.withUnsafeBytes { sha.update($0) }
            written += piece.count
            try writing.submit { [self] in
                defer { pool?.give(piece) }
                try piece.withUnsafeBytes { try file.write($0) }
            }
        }
    }

    /// Waits for the queued pieces, closes the file; returns its SHA-256 (hex) and size.
    public func finish() throws -> (sha256: String, bytes: Int) {
        let (digest, bytes) = try hashing.drain { () -> (String, Int) in
            var sha = self.sha
            return (sha.finalize(), written)
        }
        try writing.drain { try file.close() }
        return (digest, bytes)
    }
}
