import Foundation
import Geo287Core

/// SHA-256 and size of the input files, computed on a background thread while the sheets are
/// matched (the matcher mostly keeps one core busy; hashing ~130 MB takes the other).
public final class BatchHashing: @unchecked Sendable {
    // @unchecked: `result` is written once by the worker before `group` leaves and read after `wait`.
    private let group = DispatchGroup()
    private var result: Result<[(sha256: String, bytes: Int)], any Error>?

    public init(_ paths: [String]) {
        DispatchQueue.global().async(group: group) { [self] in
            result = Result { try paths.map { try Self.hash($0) } }
        }
    }

    public func wait() throws -> [(sha256: String, bytes: Int)] {
        group.wait()
        guard let result else { throw DataError("manifest", "input hashing produced no result") }
        return try result.get()
    }

    static func hash(_ path: String) throws -> (sha256: String, bytes: Int) {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else {
            throw DataError.io(path, "cannot read file size")
        }
        return (try SHA256.hex(ofFile: path), size)
    }
}
