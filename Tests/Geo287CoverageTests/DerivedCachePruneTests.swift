import Foundation
import Geo287Core
import Geo287TestSupport
import Testing

/// `DerivedCache.prune` (run by `data index`): removes exactly the files no run can read again
/// and keeps every entry this build can still use.
@Suite struct DerivedCachePruneTests {
    typealias Scratch = DerivedCacheTests.Scratch

    /// An entry for `input` (kind `kind`), as this build writes it.
    func entry(_ s: Scratch, kind: String, input: String) throws -> String {
        _ = try s.cache.value(kind: kind, format: 1, inputs: [input], encode: { v, w in w.strings(v) }, decode: { try $0.strings() },
                              build: { [kind] })
        return try #require(s.entries.first { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix(kind + "-") })
    }

    /// A copy of `file` under a new entry name, its bytes with `from` replaced by `to` (same
    /// length), written `daysAgo` days ago.
    func variant(of file: String, kind: String, replacing from: String, with to: String, daysAgo: Double) throws -> String {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let range = try #require(bytes.range(of: Data(from.utf8)))
        bytes.replaceSubrange(range, with: Data(to.utf8))
        let path = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("\(kind)-\(String(repeating: "ab", count: 16)).bin").path
        try bytes.write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -daysAgo * 86_400)], ofItemAtPath: path)
        return path
    }

    @Test func removesWhatNoRunCanReadAndKeepsTheRest() throws {
        let s = try Scratch("alpha beta")
        let gone = s.dir.appendingPathComponent("gone.txt").path
        try Data("soon deleted".utf8).write(to: URL(fileURLWithPath: gone))
        let kept = try entry(s, kind: "live", input: s.input)
        let orphan = try entry(s, kind: "orphan", input: gone)
        try FileManager.default.removeItem(atPath: gone)
        // Another version's entries: an old one goes, a recent one stays (that build may still run).
        let version = "geo287 \(Geo287Version.string)"
        let other = "geo287 " + String(repeating: "9", count: Geo287Version.string.count)
        let oldBuild = try variant(of: kept, kind: "oldbuild", replacing: version, with: other, daysAgo: 30)
        let recentBuild = try variant(of: kept, kind: "recentbuild", replacing: version, with: other, daysAgo: 1)
        let oldOfOurs = try variant(of: kept, kind: "oldours", replacing: "live", with: "keep", daysAgo: 30)
        let otherFormat = try variant(of: kept, kind: "format", replacing: "derived table 4", with: "derived table 3", daysAgo: 0)
        let folder = s.dir.appendingPathComponent("cache")
        let staleTemporary = folder.appendingPathComponent(".live-\(String(repeating: "cd", count: 16)).bin.tmp-4242").path
        let freshTemporary = folder.appendingPathComponent(".live-\(String(repeating: "ef", count: 16)).bin.tmp-4243").path
        let notOurs = folder.appendingPathComponent("notes-old.txt").path
        for p in [staleTemporary, freshTemporary, notOurs] { try Data("x".utf8).write(to: URL(fileURLWithPath: p)) }
        for p in [staleTemporary, notOurs] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3 * 86_400)], ofItemAtPath: p)
        }
        let removed = [orphan, oldBuild, otherFormat, staleTemporary]
        let sizes = try removed.map { try #require(FileManager.default.attributesOfItem(atPath: $0)[.size] as? NSNumber).intValue }

        let pruned = s.cache.prune()
        var expected = DerivedCache.Pruned()
        expected.entries = 4
        expected.bytes = sizes.reduce(0, +)
        #expect(pruned == expected)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).map { folder.appendingPathComponent($0).path })
        #expect(left == Set([kept, recentBuild, oldOfOurs, freshTemporary, notOurs]))
        // The kept entry is still read, not rebuilt; a second prune finds nothing.
        let value = try s.cache.value(kind: "live", format: 1, inputs: [s.input], encode: { v, w in w.strings(v) }, decode: { try $0.strings() },
                                      build: { ["rebuilt"] })
        #expect(value == ["live"])
        #expect(s.cache.prune() == DerivedCache.Pruned())
        #expect(DerivedCache.off.prune() == DerivedCache.Pruned())
    }
}
