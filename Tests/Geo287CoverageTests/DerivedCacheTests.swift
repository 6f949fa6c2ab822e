import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Sheets
import Geo287TestSupport
import Testing

/// The derived cache (`DerivedCache`): an entry is used only while its inputs are unchanged;
/// a changed input, a damaged, truncated or foreign entry, or a folder that cannot be written
/// never gives a wrong answer.
@Suite struct DerivedCacheTests {
    /// A scratch folder with one input file and a cache folder.
    final class Scratch {
        let dir: URL
        var input: String { dir.appendingPathComponent("input.txt").path }
        var cache: DerivedCache { DerivedCache(folder: dir.appendingPathComponent("cache").path) }
        init(_ text: String) throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-derived-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: input))
        }
        deinit { try? FileManager.default.removeItem(at: dir) }

        var entries: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("cache").path)) ?? [])
                .filter { $0.hasSuffix(".bin") }.map { dir.appendingPathComponent("cache/\($0)").path }
        }
    }

    /// The value derived from the input: its words, upper-cased; `builds` counts the reads.
    final class Counter: @unchecked Sendable { var builds = 0 }

    func words(_ s: Scratch, _ counter: Counter, cache: DerivedCache? = nil) throws -> [String] {
        try (cache ?? s.cache).value(kind: "words", format: 1, inputs: [s.input],
                                     encode: { v, w in w.strings(v) }, decode: { try $0.strings() },
                                     build: {
                                         counter.builds += 1
                                         return try String(contentsOfFile: s.input, encoding: .utf8).split(separator: " ").map { $0.uppercased() }
                                     })
    }

    @Test func secondRunReadsTheEntryInsteadOfTheInput() throws {
        let s = try Scratch("alpha beta"), c = Counter()
        #expect(try words(s, c) == ["ALPHA", "BETA"])
        #expect(try words(s, c) == ["ALPHA", "BETA"])
        #expect(c.builds == 1)
        #expect(s.entries.count == 1)
    }

    @Test func changedInputRebuildsTheEntry() throws {
        let s = try Scratch("alpha beta"), c = Counter()
        _ = try words(s, c)
        try Data("gamma delta".utf8).write(to: URL(fileURLWithPath: s.input))   // same size, new content
        #expect(try words(s, c) == ["GAMMA", "DELTA"])
        #expect(c.builds == 2)
        #expect(try words(s, c) == ["GAMMA", "DELTA"])   // and the rebuilt entry is valid
        #expect(c.builds == 2)
    }

    @Test func touchedInputWithSameContentKeepsTheEntry() throws {
        let s = try Scratch("alpha beta"), c = Counter()
        _ = try words(s, c)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: s.input)
        #expect(try words(s, c) == ["ALPHA", "BETA"])   // SHA-256 re-checked: same content
        #expect(c.builds == 1)
    }

    @Test(arguments: ["flip", "truncate", "garbage", "empty"])
    func damagedEntryIsRebuiltNotRead(damage: String) throws {
        let s = try Scratch("alpha beta"), c = Counter()
        _ = try words(s, c)
        let entry = try #require(s.entries.first)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: entry)))
        switch damage {
        case "flip": bytes[bytes.count - 3] ^= 0x20          // inside the payload ("ALPHA" -> "ALPhA")
        case "truncate": bytes.removeLast(4)
        case "garbage": bytes = Array("not a cache entry at all".utf8)
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: entry))
        #expect(try words(s, c) == ["ALPHA", "BETA"])
        #expect(c.builds == 2)
        #expect(try words(s, c) == ["ALPHA", "BETA"])
        #expect(c.builds == 2)
    }

    @Test func unwritableFolderRunsWithoutTheCache() throws {
        let s = try Scratch("alpha beta"), c = Counter()
        let underAFile = DerivedCache(folder: s.input + "/cache")   // a folder cannot be made under a file
        #expect(try words(s, c, cache: underAFile) == ["ALPHA", "BETA"])
        #expect(try words(s, c, cache: underAFile) == ["ALPHA", "BETA"])
        #expect(c.builds == 2)
        #expect(try words(s, c, cache: .off) == ["ALPHA", "BETA"])
        #expect(c.builds == 3)
    }

    @Test func missingInputIsTheBuildersError() throws {
        let s = try Scratch("alpha"), c = Counter()
        try FileManager.default.removeItem(atPath: s.input)
        #expect(throws: (any Error).self) { try words(s, c) }
        #expect(s.entries.isEmpty)
    }

    @Test func locationFromTheEnvironment() {
        #expect(DerivedCache.fromEnvironment(["GEO287_CACHE": "off", "HOME": "/h"]).folder == nil)
        #expect(DerivedCache.fromEnvironment(["GEO287_CACHE": "OFF"]).folder == nil)
        #expect(DerivedCache.fromEnvironment(["GEO287_CACHE": "/tmp/c", "XDG_CACHE_HOME": "/x", "HOME": "/h"]).folder == "/tmp/c")
        #expect(DerivedCache.fromEnvironment(["XDG_CACHE_HOME": "/x", "HOME": "/h"]).folder == "/x/geo287")
        #expect(DerivedCache.fromEnvironment(["XDG_CACHE_HOME": "relative", "HOME": "/h"]).folder == "/h/.cache/geo287")
        #expect(DerivedCache.fromEnvironment(["HOME": "/h"]).folder == "/h/.cache/geo287")
        #expect(DerivedCache.fromEnvironment([:]).folder == nil)
    }
}

/// The typed entries on the real data: what is read back is what was computed.
@Suite(.serialized) struct DerivedTablesTests {
    static let root = ReferenceData.embedded
    static let newest = root.path("ice/participating-2026-05-18.xlsx")

    func scratchCache() -> (DerivedCache, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-derived-\(UUID().uuidString)")
        return (DerivedCache(folder: dir.path), dir)
    }

    func coverageCSV(_ root: DataRoot, cache: DerivedCache, sheet: String, model: ModelFilter = .model(.taskForce)) throws -> String {
        let run = CoverageRun(gazetteer: try Gazetteer.load(root, cache: cache))
        let result = try run.coverage(try run.matchedSheet(path: sheet), pending: nil, options: CoverageOptions(model: model))
        return CoverageOutput.csv(result)
    }

    @Test func censusTablesAndMatchedSheetReadBackAsComputed() throws {
        let (cache, dir) = scratchCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let computed = try Gazetteer.load(Self.root)
        _ = try Gazetteer.load(Self.root, cache: cache)
        let cached = try Gazetteer.load(Self.root, cache: cache)
        #expect(cached.counties.count == 3235)
        #expect(zip(cached.counties, computed.counties).allSatisfy { $0.geoid == $1.geoid && $0.geometry == $1.geometry && $0.source == $1.source })
        #expect(cached.population.nationalTotal == 334_914_895)
        #expect(cached.population.counties.mapValues(\.estimate) == computed.population.counties.mapValues(\.estimate))
        #expect(cached.crosswalk.parts == computed.crosswalk.parts)
        #expect(cached.crosswalk.partsByPlace == computed.crosswalk.partsByPlace)
        #expect(cached.crosswalk.placesByState == computed.crosswalk.placesByState)
        #expect(cached.crosswalk.countyPopulation2020 == computed.crosswalk.countyPopulation2020)

        let fresh = try CoverageRun(gazetteer: computed).matchedSheet(try SheetReader.read(path: Self.newest), geometry: .all)
        let run = CoverageRun(gazetteer: cached)
        _ = try run.matchedSheet(path: Self.newest, geometry: .all)
        let read = try run.matchedSheet(path: Self.newest, geometry: .all)
        #expect(read.sheet.rows == 1843)
        #expect(read.sheet.agreements == fresh.sheet.agreements)
        #expect(read.sheet.warnings == fresh.sheet.warnings)
        #expect(read.sheet.published == fresh.sheet.published && read.sheet.path == fresh.sheet.path)
        #expect(read.matched.map(\.jurisdiction) == fresh.matched.map(\.jurisdiction))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(names.contains { $0.hasPrefix("census-tables-") } && names.contains { $0.hasPrefix("matched-sheet-all-") })
    }

    @Test func coverageIsTheSameColdWarmAndOff() throws {
        let (cache, dir) = scratchCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let off = try coverageCSV(Self.root, cache: .off, sheet: Self.newest)
        #expect(off.contains("12057,Hillsborough County,FL,"))
        #expect(try coverageCSV(Self.root, cache: cache, sheet: Self.newest) == off)   // cold: builds
        #expect(try coverageCSV(Self.root, cache: cache, sheet: Self.newest) == off)   // warm: reads
    }

    /// A sheet replaced in place (same path, other content) is never answered from the entry of
    /// the old content: the warm answer is the uncached answer for the new sheet.
    @Test func replacedSheetIsNotAnsweredFromTheOldEntry() throws {
        let (cache, dir) = scratchCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = dir.appendingPathComponent("participating.xlsx").path
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.newest, toPath: sheet)
        let newest = try coverageCSV(Self.root, cache: cache, sheet: sheet)
        try FileManager.default.removeItem(atPath: sheet)
        try FileManager.default.copyItem(atPath: Self.root.path("ice/participating-2025-06-12.xlsx"), toPath: sheet)
        let older = try coverageCSV(Self.root, cache: .off, sheet: sheet)
        #expect(older != newest)
        #expect(try coverageCSV(Self.root, cache: cache, sheet: sheet) == older)
    }
}
