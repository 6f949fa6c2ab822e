import Foundation
import ZIPFoundation

/// Read-only access to the members of a zip archive, with a hard cap on how many bytes any
/// one member may inflate to: a member that claims, or turns out to have, more is refused
/// without being held in memory (zip bombs, absurd size fields).
public struct ZipFile {
    public let path: String
    private let archive: Archive

    /// Default cap on one member's inflated size: 256 MiB (the largest Census member is ~40 MB).
    public static let defaultMemberLimit = 256 << 20

    public init(path: String) throws {
        self.path = path
        try InputFile.check(path)   // missing, a folder, a FIFO or a device: refused before opening
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw DataError(path, "not a zip archive")
        }
    }

    /// Member paths, in archive order, directories excluded.
    public var memberPaths: [String] {
        archive.compactMap { $0.type == .file ? $0.path : nil }
    }

    public func contains(_ member: String) -> Bool { archive[member] != nil }

    /// The inflated size a member declares, nil if there is no such member.
    public func uncompressedSize(_ member: String) -> Int? { archive[member].map { Int($0.uncompressedSize) } }

    /// The bytes of `member`, inflated (and CRC-checked unless `verifyCRC` is false, for
    /// files whose SHA-256 the data catalog checks); throws if it exceeds `limit`.
    /// With `prefix`, inflating stops once that many bytes are out (the CRC is then not checked).
    public func read(_ member: String, limit: Int = ZipFile.defaultMemberLimit, verifyCRC: Bool = true,
                     prefix: Int? = nil) throws -> Data {
        guard let entry = archive[member] else { throw DataError(path, "zip has no member \(member)") }
        if entry.uncompressedSize > UInt64(limit) {
            throw DataError(path, "member \(member) claims \(entry.uncompressedSize) bytes, over the \(limit)-byte limit")
        }
        var out = Data()
        let wanted = min(limit, prefix ?? limit)
        out.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(wanted))))
        do {
            let crc = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: !verifyCRC || prefix != nil) { chunk in
                if out.count + chunk.count > limit { throw ZipLimitExceeded() }
                out.append(chunk)
                if let prefix, out.count >= prefix { throw ZipPrefixRead() }
            }
            // ZIPFoundation computes the CRC-32 but leaves the comparison to the caller.
            if verifyCRC, prefix == nil, crc != entry.checksum {
                throw DataError(path, "member \(member) is corrupt (CRC-32 \(String(crc, radix: 16)) where the zip says \(String(entry.checksum, radix: 16)))")
            }
        } catch is ZipPrefixRead {
            return out
        } catch is ZipLimitExceeded {
            throw DataError(path, "member \(member) inflates past the \(limit)-byte limit")
        } catch {
            throw DataError(path, "member \(member) is corrupt (\(error))")
        }
        return out
    }

    /// Extracts the named members into `directory` (created if needed), each bounded by `limit`.
    public func extract(_ members: [String], into directory: URL, limit: Int = ZipFile.defaultMemberLimit,
                        verifyCRC: Bool = true) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for m in members {
            let data = try read(m, limit: limit, verifyCRC: verifyCRC)
            let name = (m as NSString).lastPathComponent
            try data.write(to: directory.appendingPathComponent(name))
        }
    }
}

private struct ZipLimitExceeded: Error {}
private struct ZipPrefixRead: Error {}
