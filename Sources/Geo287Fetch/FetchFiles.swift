import Foundation
import Geo287Core

/// Atomic writes for downloads: bytes go to a hidden temporary file in the target's folder,
/// then take the final name in one step, so a failed or interrupted fetch leaves neither a
/// partial file at the final path nor a temporary file.
enum FetchFiles {
    /// A hidden temporary path beside `path` (same folder, same file system), keeping the extension.
    static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
        let stem = url.deletingPathExtension().lastPathComponent
        let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
        return url.deletingLastPathComponent().appendingPathComponent(".\(stem).part-\(unique)\(ext)").path
    }

    static func createFolder(for path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw DataError.io(dir, "cannot create folder (\(error.localizedDescription))")
        }
    }

    /// Writes `data` to a new temporary file beside `path` and returns the temporary path.
    static func writeTemporary(_ data: Data, beside path: String) throws -> String {
        try createFolder(for: path)
        let tmp = temporaryPath(beside: path)
        Interruption.shared.register(tmp)
        do {
            try data.write(to: URL(fileURLWithPath: tmp))
        } catch {
            remove(tmp)
            throw DataError.io(path, "cannot write (\(error.localizedDescription))")
        }
        return tmp
    }

    /// Moves a temporary file over `path` (replacing it).
    static func commit(_ tmp: String, to path: String) throws {
        defer { Interruption.shared.unregister(tmp) }
        if rename(tmp, path) != 0 {
            let code = errno
            remove(tmp)
            throw DataError.io(path, "cannot rename temporary file into place (\(String(cString: strerror(code))))")
        }
    }

    /// Gives a temporary file the name `path` only if nothing has it (hard link, then unlink);
    /// false if the name is taken. The temporary file is left for the caller to remove.
    static func commitNew(_ tmp: String, to path: String) throws -> Bool {
        if link(tmp, path) == 0 {
            remove(tmp)
            return true
        }
        let code = errno
        if code == EEXIST { return false }
        // File systems without hard links: check, then rename.
        if FileManager.default.fileExists(atPath: path) { return false }
        try commit(tmp, to: path)
        return true
    }

    /// Writes `data` at `path`, replacing what is there, atomically.
    static func write(_ data: Data, to path: String) throws {
        let tmp = try writeTemporary(data, beside: path)
        try commit(tmp, to: path)
    }

    /// Removes a temporary file (if still there) and forgets it.
    static func remove(_ path: String) {
        unlink(path)
        Interruption.shared.unregister(path)
    }
}
