import Foundation

/// A file written piece by piece (an output too large to hold whole), its SHA-256 and size
/// computed as it goes. Inside an `AtomicFolder.Staging` set, so that a failure publishes nothing.
public final class HashingFileWriter {
    private let handle: FileHandle
    private let path: String
    private var sha = SHA256()
    public private(set) var bytes = 0

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

    public func write(_ piece: [UInt8]) throws {
        guard !piece.isEmpty else { return }
        let data = Data(piece)
        sha.update(data)
        bytes += piece.count
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw DataError.io(path, "cannot write (\(error.localizedDescription))")
        }
    }

    /// Closes the file; returns its SHA-256 (hex).
    public func finish() throws -> String {
        do {
            try handle.close()
        } catch {
            throw DataError.io(path, "cannot close (\(error.localizedDescription))")
        }
        return sha.finalize()
    }
}
