import Foundation
import Geo287Core
import Geo287History
import Geo287Sheets
import Testing

@Suite("Reading a folder of sheets on several threads")
struct HistorySheetsReadTests {
    @Test("two threads read the archive's sheets, in the same order and with the same rows, as one; progress counts up by one")
    func threadsAgree() throws {
        let folder = HistoryTestData.root.path("ice")
        var seen: [Int] = []
        let one = try HistorySheets.read(folder: folder, threads: 1)
        let two = try HistorySheets.read(folder: folder, threads: 2) { done, _ in seen.append(done) }
        #expect(one.participating.count >= 34 && one.pending.count >= 26)
        #expect(one.participating.map(\.path) == two.participating.map(\.path))
        #expect(one.pending.map(\.path) == two.pending.map(\.path))
        #expect(one.participating.map(\.agreements.count) == two.participating.map(\.agreements.count))
        #expect(two.participating.last?.agreements.count == 1843)   // participating-2026-05-18.xlsx
        #expect(seen == Array(1...(one.participating.count + one.pending.count)))
    }

    @Test("a folder with two damaged sheets fails on the first in name order, whatever the threads")
    func firstDamagedSheetInNameOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-sheets-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Small real sheets (the two read from ICE's HTML page), around the damaged ones.
        for (source, name) in [("participating-2024-12-01-from-html.xlsx", "participating-2024-12-01.xlsx"),
                               ("participating-2025-01-19-from-html.xlsx", "participating-2025-01-19.xlsx"),
                               ("participating-2024-12-01-from-html.xlsx", "participating-2026-01-01.xlsx")] {
            try FileManager.default.copyItem(atPath: HistoryTestData.root.path("ice/" + source), toPath: "\(folder)/\(name)")
        }
        // Sorted by name: the 2025-01-01 file comes second, the 2025-06-01 one fourth.
        try AtomicFile.write(Data("not a workbook".utf8), to: "\(folder)/participating-2025-01-01.xlsx")
        try AtomicFile.write(Data("PK\u{3}\u{4} truncated".utf8), to: "\(folder)/participating-2025-06-01.xlsx")
        for threads in [1, 2, 4] {
            for _ in 0..<3 {
                let error = #expect(throws: DataError.self) { try HistorySheets.read(folder: folder, threads: threads) }
                #expect(error?.description.contains("participating-2025-01-01.xlsx") == true, "threads \(threads): \(String(describing: error))")
            }
        }
    }

    @Test("sheets read through the cache equal the sheets read from the workbooks, cold and warm; a sheet replaced in place is read again")
    func cachedSheetsEqualReadSheets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-sheet-cache-\(UUID().uuidString)")
        let cacheFolder = folder.appendingPathComponent("cache").path
        let sheets = folder.appendingPathComponent("ice").path
        try FileManager.default.createDirectory(atPath: sheets, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["participating-2025-03-01.xlsx", "participating-2025-06-12.xlsx", "pending-2025-06-13.xlsx"] {
            try FileManager.default.copyItem(atPath: HistoryTestData.root.path("ice/" + name), toPath: sheets + "/" + name)
        }
        let cache = DerivedCache(folder: cacheFolder)
        func same(_ a: HistorySheets, _ b: HistorySheets) -> Bool {
            zip(a.participating + a.pending, b.participating + b.pending).allSatisfy {
                $0.path == $1.path && $0.kind == $1.kind && $0.published == $1.published
                    && $0.publishedTimestamp == $1.publishedTimestamp && $0.agreements == $1.agreements && $0.warnings == $1.warnings
            } && a.participating.count == b.participating.count && a.pending.count == b.pending.count
        }
        let off = try HistorySheets.read(folder: sheets, threads: 2)
        #expect(off.participating.map(\.agreements.count) == [239, 698])
        let cold = try HistorySheets.read(folder: sheets, threads: 2, cache: cache)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cacheFolder).filter { $0.hasPrefix("sheet-") }
        #expect(entries.count == 3)
        let warm = try HistorySheets.read(folder: sheets, threads: 2, cache: cache)
        #expect(same(cold, off) && same(warm, off))
        // Read from the cache on one thread, a row of the June sheet whose every field but the
        // row number the March sheet already had is decoded once: both hold the very same storage.
        let single = try HistorySheets.read(folder: sheets, threads: 1, cache: cache)
        func unnumbered(_ a: Agreement) -> Agreement { var a = a; a.row = 0; return a }
        let marchRows = Set(single.participating[0].agreements.map(unnumbered))
        let repeated = single.participating[1].agreements.filter { marchRows.contains(unnumbered($0)) }.count
        let march = Set(single.participating[0].agreements.map(\.storageIdentity))
        let shared = single.participating[1].agreements.filter { march.contains($0.storageIdentity) }.count
        #expect(same(single, off) && repeated > 0 && shared == repeated, "\(shared) of \(repeated)")

        // Same name, another sheet's content: the entry of the old content is not used.
        let replaced = sheets + "/participating-2025-06-12.xlsx"
        try FileManager.default.removeItem(atPath: replaced)
        try FileManager.default.copyItem(atPath: HistoryTestData.root.path("ice/participating-2025-05-15.xlsx"), toPath: replaced)
        let after = try HistorySheets.read(folder: sheets, threads: 2, cache: cache)
        #expect(same(after, try HistorySheets.read(folder: sheets, threads: 2)))
        #expect(after.participating.map(\.agreements.count) != off.participating.map(\.agreements.count))
    }
}
