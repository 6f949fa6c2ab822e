import Foundation

/// Writes files atomically: the bytes go to a temporary file in the target's folder, which
/// is then renamed over the target, so readers never see a half-written output.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { tmp in try data.write(to: tmp) }
    }

    /// Lets `produce` write the file at a temporary URL beside `path`, then renames it into
    /// place; on any failure the temporary file is removed and `path` is left as it was.
    public static func write(to path: String, produce: (URL) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw DataError.io(dir.path, "cannot create folder (\(error.localizedDescription))")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        try? FileManager.default.removeItem(at: tmp)
        do {
            try produce(tmp)
            if rename(tmp.path, url.path) != 0 {
                throw DataError.io(path, "cannot rename temporary file into place (errno \(errno))")
            }
        } catch let e as DataError {
            try? FileManager.default.removeItem(at: tmp)
            throw e
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw DataError.io(path, "cannot write (\(error.localizedDescription))")
        }
    }
}
