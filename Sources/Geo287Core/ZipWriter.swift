import Foundation
import ZIPFoundation

/// Writes a zip of in-memory members, deflated, in the order given, every member stamped with
/// the same fixed time, so the same members give the same bytes. The archive is built beside
/// the target and renamed over it (readers never see half a zip).
public enum ZipWriter {
    /// 2019-07-25 00:00 UTC, the date of the 2019 TIGER/Line place files.
    public static let fixedDate = Date(timeIntervalSince1970: 1_564_012_800)

    public static func write(_ members: [(name: String, data: Data)], to path: String) throws {
        try AtomicFile.write(to: path) { tmp in
            let archive = try Archive(url: tmp, accessMode: .create)
            for m in members {
                try archive.addEntry(with: m.name, type: .file, uncompressedSize: Int64(m.data.count),
                                     modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate) { position, size in
                    let start = Int(position)
                    return m.data.subdata(in: start..<min(start + size, m.data.count))
                }
            }
        }
    }
}
