import Foundation
@testable import Geo287Core
import Testing

/// `HashingFileWriter` over `StreamingFile`: whatever the piece sizes (across the 4 MB staging
/// buffer, not multiples of the 4,096-byte block), directly or through the page cache, the file
/// holds exactly the bytes given, and the SHA-256 and size returned are theirs.
@Suite struct StreamingFileTests {
    /// Pieces of 1 byte to 5 MB, 9,445,514 bytes in all, each byte a function of its position.
    static let pieces: [[UInt8]] = {
        var at = 0
        return [1, 4095, 4097, 3 << 20, 5 << 20 + 17, 0, 1_048_576 - 3, 123].map { n in
            defer { at += n }
            return (0..<n).map { UInt8(truncatingIfNeeded: ($0 + at) &* 2_654_435_761 >> 13) }
        }
    }()

    static func folder(_ name: String) throws -> String {
        let dir = NSTemporaryDirectory() + "geo287-streaming-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("the file, its SHA-256 and size are those of the bytes given, in pieces across the staging buffer")
    func piecesAcrossTheBuffer() throws {
        let dir = try Self.folder("pieces"); defer { try? FileManager.default.removeItem(atPath: dir) }
        let whole = Self.pieces.flatMap { $0 }
        #expect(whole.count == 9_445_514)
        let pool = BufferPool(keep: 2)
        let writer = try HashingFileWriter(URL(fileURLWithPath: dir + "/panel.csv"))
        for p in Self.pieces { try writer.write(p, returningTo: pool) }
        let (sha, size) = try writer.finish()
        #expect(size == whole.count && sha == SHA256.hex(of: Data(whole)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/panel.csv")) == Data(whole))
    }

    @Test("direct and through the page cache write the same file; a file shorter than one block is cut to its length")
    func directAndCached() throws {
        let dir = try Self.folder("modes"); defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, direct) in [("direct", true), ("cached", false)] {
            for bytes in [Self.pieces.flatMap { $0 }, Array("published,sheet\n".utf8), []] {
                let path = "\(dir)/\(name).csv"
                let file = try StreamingFile(path: path, direct: direct)
                var at = 0
                for n in [1, 10_000, 4 << 20, 7 << 20] where at < bytes.count {
                    let end = min(bytes.count, at + n)
                    try bytes[at..<end].withUnsafeBytes { try file.write($0) }
                    at = end
                }
                try bytes[at...].withUnsafeBytes { try file.write($0) }
                try file.close()
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes), "\(name), \(bytes.count) bytes")
                if !direct { #expect(!file.direct) }
            }
        }
    }

    @Test("a file that cannot be created is an error naming it")
    func cannotCreate() throws {
        let path = NSTemporaryDirectory() + "geo287-no-such-folder-\(getpid())/panel.csv"
        #expect(throws: DataError.io(path, "cannot create file (No such file or directory)")) { try StreamingFile(path: path) }
    }
}
