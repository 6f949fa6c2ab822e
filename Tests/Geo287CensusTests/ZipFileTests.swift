import Foundation
@testable import Geo287Core
import Geo287TestSupport
import Testing
import ZIPFoundation

/// `ZipFile` reads archives with zlib: members written by another zip library (ZIPFoundation)
/// and the real sheets come out byte for byte; damage is one error naming the archive and member.
@Suite final class ZipFileTests {
    let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-zipfile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    deinit { try? FileManager.default.removeItem(at: dir) }

    /// 200 KB of text that deflates well, different on every line.
    static let text = Data((0..<4000).map { "row \($0),Hillsborough County Sheriff's Office,FL,\($0 * 7919 % 1000)\n" }.joined().utf8)

    func archive(_ name: String, method: CompressionMethod) throws -> URL {
        let url = dir.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        let text = Self.text
        try archive.addEntry(with: "folder/", type: .directory, uncompressedSize: Int64(0)) { (_: Int64, _: Int) in Data() }
        try archive.addEntry(with: "folder/a.csv", type: .file, uncompressedSize: Int64(text.count), compressionMethod: method) { pos, size in
            text.subdata(in: Int(pos)..<Int(pos) + size)
        }
        return url
    }

    @Test("deflated and stored members read back byte for byte; folders are not members")
    func roundTrip() throws {
        for method in [CompressionMethod.deflate, .none] {
            let zip = try ZipFile(path: try archive("round-\(method).zip", method: method).path)
            #expect(zip.memberPaths == ["folder/a.csv"])
            #expect(zip.uncompressedSize("folder/a.csv") == Self.text.count)
            #expect(try zip.read("folder/a.csv") == Self.text)
            // A prefix stops early: the first 256 KiB chunk or less, never the CRC check.
            let head = try zip.read("folder/a.csv", prefix: 10)
            #expect(head.count >= 10 && head.prefix(10) == Self.text.prefix(10))
        }
    }

    @Test("a member that holds more than it claims is read whole and CRC-checked, up to the limit")
    func memberLargerThanClaimed() throws {
        for method in [CompressionMethod.deflate, .none] {
            let url = try archive("understated-\(method).zip", method: method)
            var bytes = try Data(contentsOf: url)
            // The file member's central directory entry is the second; its uncompressed size
            // (offset 24) now says 10 bytes.
            let central = bytes.indices.dropLast(4).filter { i in
                bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 }
            #expect(central.count == 2)
            let entry = try #require(central.last)
            bytes.replaceSubrange((entry + 24)..<(entry + 28), with: [10, 0, 0, 0])
            let forged = dir.appendingPathComponent("forged-\(method).zip")
            try bytes.write(to: forged)
            let zip = try ZipFile(path: forged.path)
            #expect(zip.uncompressedSize("folder/a.csv") == 10)
            #expect(try zip.bytes("folder/a.csv") == [UInt8](Self.text))
            #expect(try zip.read("folder/a.csv") == Self.text)
            let over = try #require(throws: DataError.self) { try zip.bytes("folder/a.csv", limit: 100_000) }
            #expect(over.description == "\(forged.path): member folder/a.csv inflates past the 100000-byte limit")
        }
    }

    @Test("the room allocated before inflating is the claimed size, never more than the compressed bytes can give")
    func initialRoomIsBoundedByTheInput() {
        // A 1 KB deflated member claiming 200 MB: 1,032 KB at most (deflate's greatest expansion).
        #expect(ZipInflater.initialRoom(claimed: 200 << 20, compressed: 1000, method: 8) == 1_032_000)
        #expect(ZipInflater.initialRoom(claimed: 200 << 20, compressed: 1000, method: 0) == 1000)
        #expect(ZipInflater.initialRoom(claimed: 5000, compressed: 1000, method: 8) == 5000)
        #expect(ZipInflater.initialRoom(claimed: .max, compressed: .max, method: 8) == .max)
        #expect(ZipInflater.initialRoom(claimed: 10, compressed: 0, method: 8) == 0)
    }

    @Test("the newest real sheet: every part inflates and passes its CRC-32")
    func realSheet() throws {
        let path = ReferenceData.root.path("ice/participating-2026-05-18.xlsx")
        let zip = try ZipFile(path: path)
        #expect(zip.memberPaths.contains("xl/worksheets/sheet1.xml"))
        for m in zip.memberPaths {
            let data = try zip.read(m)
            #expect(data.count == zip.uncompressedSize(m), "\(m)")
        }
        #expect(String(decoding: try zip.read("xl/worksheets/sheet1.xml").prefix(5), as: UTF8.self) == "<?xml")
    }

    @Test("damaged data, a short limit, a cut archive and a missing member: one error naming the archive")
    func damage() throws {
        let url = try archive("damaged.zip", method: .deflate)
        var bytes = try Data(contentsOf: url)
        // The member's data starts after the second local header (the folder entry is first).
        let second = try #require(bytes.indices.dropFirst(4).first { i in
            bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 })
        let start = second + 30 + Int(bytes[second + 26]) + Int(bytes[second + 28])
        for k in 0..<64 { bytes[start + 100 + k] ^= 0x5A }
        let bad = dir.appendingPathComponent("flipped.zip")
        try bytes.write(to: bad)
        let corrupt = try #require(throws: DataError.self) { try ZipFile(path: bad.path).read("folder/a.csv") }
        #expect(corrupt.description.hasPrefix("\(bad.path): member folder/a.csv is corrupt ("), "\(corrupt)")

        let zip = try ZipFile(path: url.path)
        let claimed = try #require(throws: DataError.self) { try zip.read("folder/a.csv", limit: 1000) }
        #expect(claimed.description == "\(url.path): member folder/a.csv claims \(Self.text.count) bytes, over the 1000-byte limit")
        let missing = try #require(throws: DataError.self) { try zip.read("b.csv") }
        #expect(missing.description == "\(url.path): zip has no member b.csv")

        let cut = dir.appendingPathComponent("cut.zip")
        try Data(try Data(contentsOf: url).prefix(3000)).write(to: cut)
        let notZip = try #require(throws: DataError.self) { try ZipFile(path: cut.path) }
        #expect(notZip.description == "\(cut.path): not a zip archive")
    }
}
