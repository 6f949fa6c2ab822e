import Foundation
import Geo287Core

/// Inflates every member of a downloaded zip and checks its CRC-32 (through `ZipFile.read`,
/// which compares the computed CRC with the one the archive records, under the member limit).
enum ZipIntegrity {
    static func check(_ path: String, memberLimit: Int = ZipFile.defaultMemberLimit) throws {
        let zip = try ZipFile(path: path)
        for member in zip.memberPaths { _ = try zip.read(member, limit: memberLimit, verifyCRC: true) }
    }
}
