import Foundation
import Geo287Census
import Geo287Core
import Geo287Sheets
import Geo287TestSupport
import Testing

/// A seeded mutation fuzzer over a real ICE workbook (its worksheet and shared strings) and a
/// real county shapefile (`.shp`/`.shx` bytes): each case flips, inserts, deletes or repeats
/// bytes, then reads the result. Any outcome but a parsed table or a `DataError` fails the test;
/// a trap ends the whole run, and the seed of the case that was running is left in
/// `$TMPDIR/geo287-fuzz-<target>.seed`, to be added to `regressions`.
/// Bounded: `GEO287_FUZZ_SECONDS` (default 20) per target.
@Suite("Hostile input: seeded mutation fuzzer")
struct MutationFuzzTests {
    /// Seeds that once found a crash (kept as regression cases; run first, every time).
    static let regressions: [UInt64] = []
    static let seconds = Double(ProcessInfo.processInfo.environment["GEO287_FUZZ_SECONDS"] ?? "") ?? 20

    /// 1 to 8 mutations of `bytes`, chosen by `seed`; the interesting bytes of XML and of
    /// shapefile headers are favoured.
    static func mutate(_ bytes: [UInt8], seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(state: seed)
        var b = bytes
        let interesting: [[UInt8]] = [Array("<".utf8), Array(">".utf8), Array("\"".utf8), Array("</row>".utf8), Array("9999999999999999999".utf8),
                                      Array("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ".utf8), [0xFF, 0xFF, 0xFF, 0x7F], [0, 0, 0, 0x80], [0xFF, 0xFF, 0xF8, 0x7F, 0, 0, 0, 0]]
        for _ in 0...rng.below(8) {
            guard !b.isEmpty else { break }
            let at = rng.below(b.count)
            switch rng.below(5) {
            case 0: b[at] ^= UInt8(truncatingIfNeeded: 1 << rng.below(8))
            case 1: b.insert(contentsOf: interesting[rng.below(interesting.count)], at: at)
            case 2: b.removeSubrange(at..<min(b.count, at + 1 + rng.below(64)))
            case 3:
                let piece = Array(b[at..<min(b.count, at + 1 + rng.below(200))])
                for _ in 0..<(1 + rng.below(4)) { b.insert(contentsOf: piece, at: at) }
            default:
                let patch = interesting[rng.below(interesting.count)]
                for (k, v) in patch.enumerated() where at + k < b.count { b[at + k] = v }
            }
        }
        return b
    }

    /// Runs `body` for the regression seeds, then for fresh seeds until the time is up.
    static func fuzz(_ name: String, _ body: (UInt64) throws -> Void) rethrows -> Int {
        var cases = 0
        let deadline = Date().addingTimeInterval(seconds)
        var seed: UInt64 = 0x287
        let seedFile = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-fuzz-\(name).seed")
        func run(_ s: UInt64) throws {
            try? Data(String(s).utf8).write(to: seedFile)
            try body(s)
            cases += 1
        }
        for s in regressions { try run(s) }
        while Date() < deadline {
            seed &+= 1
            try run(seed)
        }
        try? FileManager.default.removeItem(at: seedFile)
        print("fuzz \(name): \(cases) cases in \(seconds) s")
        return cases
    }

    @Test("mutated worksheets and shared strings of a real sheet: a table or a DataError, never a trap")
    func sheets() throws {
        let dir = try HostileDir("fuzz-sheet"); defer { dir.remove() }
        let members = try HostileFixtures.workbookMembers()
        let targets = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/worksheets/_rels/sheet1.xml.rels"]
        let path = dir.path + "/participating-2025-02-21.xlsx"
        let cases = try Self.fuzz("sheet") { seed in
            let target = targets[Int(seed % UInt64(targets.count))]
            let mutated = members.map { m in m.name == target ? (m.name, Data(Self.mutate([UInt8](m.data), seed: seed))) : m }
            try ZipWriter.write(mutated, to: path)
            do { _ = try SheetReader.read(path: path) } catch is DataError {} catch {
                Issue.record("seed \(seed) (\(target)): \(error)")
            }
        }
        #expect(cases > 10)
    }

    @Test("mutated .shp and .shx of a real county layer, on disk and zipped: polygons or a DataError")
    func shapefiles() throws {
        let dir = try HostileDir("fuzz-shp"); defer { dir.remove() }
        // Fifty real counties (Florida's 67, trimmed) keep each case fast.
        let real = try ShapefileReader.read(HostileFixtures.root.path("census/counties/cb_2024_us_county_5m.shp"))
        let some = real.features.filter { $0.string("STATEFP") == "12" }.prefix(50)
        let records = some.map { f in
            ShapefileWriter.Record(geometry: f.geometry, values: ["GEOID", "NAME", "NAMELSAD", "STUSPS"].map { f.string($0) ?? "" })
        }
        let files = try ShapefileWriter.write(fields: HostileFixtures.fields, records: Array(records))
        let cases = try Self.fuzz("shp") { seed in
            var mutated = files
            let ext = seed % 3 == 0 ? "shx" : "shp"
            mutated[ext] = Data(Self.mutate([UInt8](files[ext] ?? Data()), seed: seed))
            for (e, data) in mutated { try dir.write("c.\(e)", [UInt8](data)) }
            try ZipWriter.write(mutated.sorted { $0.key < $1.key }.map { ("c.\($0.key)", $0.value) }, to: dir.path + "/c.zip")
            for p in [dir.path + "/c.shp", dir.path + "/c.zip"] {
                do { _ = try ShapefileReader.read(p) } catch is DataError {} catch {
                    Issue.record("seed \(seed) (\(p)): \(error)")
                }
            }
        }
        #expect(cases > 10)
    }
}
