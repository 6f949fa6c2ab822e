import Foundation
import Geo287Census
import Geo287Core
import Geo287Sheets
import Geo287TestSupport
import Testing
@testable import Geo287Lookup

/// `lookup --points` keeps each state's built place index in the derived cache (`StatePlaces`):
/// the answers are the same bytes with the cache off, empty and warm (the matched sheet is kept
/// too); a warm run reads the index from the cache, and a changed place file is read again.
@Suite struct LookupPlaceCacheTests {
    static func temporaryFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("the same bytes with the cache off, empty and warm; one entry per state touched")
    func sameBytesOffColdWarm() throws {
        let (text, _, _) = LookupStreamTests.input(rows: 2_000)
        let path = try LookupStreamTests.write(text)
        let folder = try Self.temporaryFolder("cache")
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: folder) }
        let sheet = try SheetReader.read(path: LookupFixtures.newestSheet)
        let off = try LookupBulk(root: LookupFixtures.root, sheet: sheet, pendingSheet: nil).run(csvPath: path)
        let cache = DerivedCache(folder: folder)
        let cold = try LookupBulk(root: LookupFixtures.root, sheet: sheet, pendingSheet: nil, cache: cache).run(csvPath: path)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let entries = files.filter { $0.hasPrefix("bulk-places-") }.sorted()
        #expect(files.filter { $0.hasPrefix("bulk-matched-") }.count == 1)   // the matched sheet
        let warm = try LookupBulk(root: LookupFixtures.root, sheet: sheet, pendingSheet: nil, cache: cache).run(csvPath: path)
        #expect(cold.csv == off.csv && warm.csv == off.csv)
        #expect(warm.assignments == off.assignments)
        // One entry per state a point fell in (the points are over Florida, Georgia, Alabama and
        // their borders).
        let states = Set(off.assignments.compactMap { $0.countyGEOID.map { String($0.prefix(2)) } })
        #expect(entries.map { String($0.dropFirst("bulk-places-".count).prefix(2)) } == states.sorted())
        #expect(states.isSuperset(of: ["01", "12", "13"]))
        // Points in places: 35 on the embedded root (its compact layer keeps only the polygons of
        // agreement places), more with the full layer.
        #expect(off.assignments.filter { $0.placeGEOID != nil }.count >= 35)
    }

    @Test("a warm run reads the index, not the place file; a changed place file is read again")
    func warmReadsTheEntryAndAChangedFileIsReread() throws {
        let root = try Self.temporaryFolder("root"), folder = try Self.temporaryFolder("cache")
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: folder) }
        let relative = CensusLayers.compactPlacesPath(stateFIPS: "12")
        let file = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ReferenceData.embedded.path(relative), toPath: file)
        let dataRoot = DataRoot(url: URL(fileURLWithPath: root), source: .option)
        let cache = DerivedCache(folder: folder)

        let built = try StatePlaces.load(dataRoot, stateFIPS: "12", cache: cache)
        let tampa = try #require(built.places.firstIndex { $0.geoid == "1271000" })
        #expect(built.index.locate(-82.4572, 27.9506) == Int32(tampa))

        // The same size, inode and modification time, other bytes: the entry is trusted on its
        // stat key (documented), so the answer comes from the cache, not from these zeros.
        var before = stat()
        try #require(stat(file, &before) == 0)
        let size = Int(before.st_size)
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.write(contentsOf: Data(count: size))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        try #require(utimensat(AT_FDCWD, file, &times, 0) == 0)
        let warm = try StatePlaces.load(dataRoot, stateFIPS: "12", cache: cache)
        #expect(warm.places.map(\.geoid) == built.places.map(\.geoid))
        #expect(warm.index.locate(-82.4572, 27.9506) == Int32(tampa))

        // Another state's file in its place (new content, new stat key): read again, and the
        // answer is that file's.
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.copyItem(atPath: ReferenceData.embedded.path(CensusLayers.compactPlacesPath(stateFIPS: "13")), toPath: file)
        let reread = try StatePlaces.load(dataRoot, stateFIPS: "12", cache: cache)
        #expect(!reread.places.isEmpty && reread.places.allSatisfy { $0.geoid.hasPrefix("13") })
    }
}
