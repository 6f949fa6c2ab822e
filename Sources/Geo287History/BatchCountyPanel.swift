import Foundation
import Geo287Core
import Geo287Coverage

/// The county panel (sheet × model × county, every county: the panel is balanced), formatted
/// and handed to its file on a thread of its own (`OrderedWorker`) while the next sheets are
/// counted, a few sheets behind at most. An error is reported by the next `add` or by `finish`.
final class BatchCountyPanel: @unchecked Sendable {
    // @unchecked: `prefixes`, `tails`, `lastCounts`, `ends` and `rows` are only touched by the worker's items and in its `drain`.
    private let worker = OrderedWorker(label: "geo287.batch-county-panel")
    private let file: HashingFileWriter
    /// Per county position in a result: its GEOID and its constant fields `geoid,name,state,population,`
    /// (the county list is the same for every sheet and model).
    private var prefixes: [(geoid: String, bytes: [UInt8])] = []
    private var tails = BatchCountyTail()
    /// Per model filter (`History.filters` order) and county position: the count its row's end
    /// was last made from, and that end, `geoid,…,levels` and the newline (a county
    /// `MemoCounties` kept is the very same count, so most rows only copy it after the sheet's
    /// fields).
    private var lastCounts: [[CountyCoverage?]] = History.filters.map { _ in [] }
    private var ends: [[[UInt8]]] = History.filters.map { _ in [] }
    private var rows = 0

    /// `covered,share,covered_without_statewide,covering_agreements,counted_agreements,levels` of an untouched county.
    static let zeroTail = Array("0,0,0,0,0,".utf8)

    init(file: HashingFileWriter) throws {
        self.file = file
        try file.write(BatchCSV(header: BatchPanels.countyHeader).bytes)
    }

    /// Queues the rows of one sheet: each model filter of `History.filters` counted in `coverage`.
    func add(published: String, sheet: String, coverage: [ModelFilter: CoverageResult]) throws {
        try worker.submit { [self] in try file.write(format(published: published, sheet: sheet, coverage: coverage)) }
    }

    /// Waits for the queued sheets; returns the number of rows and the file's SHA-256.
    func finish() throws -> (rows: Int, sha256: String) {
        let rows = try worker.drain { self.rows }
        return (rows, try file.finish().sha256)
    }

    /// One sheet's rows as CSV bytes (on the worker): the ends of the counties whose count
    /// changed are made again, then every row is copied into a buffer of the exact size.
    private func format(published: String, sheet: String, coverage: [ModelFilter: CoverageResult]) -> [UInt8] {
        var blocks: [(rowPrefix: [UInt8], model: Int)] = []
        var total = 0
        for (m, f) in History.filters.enumerated() {
            guard let result = coverage[f] else { continue }
            let rowPrefix = BatchCSV.fields([published, sheet, f.description])
            refresh(model: m, result.counties)
            blocks.append((rowPrefix, m))
            total += result.counties.count * rowPrefix.count + ends[m].reduce(0) { $0 + $1.count }
            rows += result.counties.count
        }
        return [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            count = 0
            guard let out = buffer.baseAddress else { return }
            for (rowPrefix, m) in blocks {
                rowPrefix.withUnsafeBufferPointer { rowPrefix in
                    ends[m].withUnsafeBufferPointer { ends in
                        for end in ends {
                            count = PanelBytes.copy(rowPrefix, to: out, at: count)
                            count = PanelBytes.copy(end, to: out, at: count)
                        }
                    }
                }
            }
        }
    }

    /// Makes again the row ends of model filter number `m` whose count is not the one they were made from.
    private func refresh(model m: Int, _ counties: [CountyCoverage]) {
        // Taken out while updated, so the arrays are not copied.
        var made = lastCounts[m], ends = self.ends[m]
        lastCounts[m] = []
        self.ends[m] = []
        if made.count != counties.count {
            made = Array(repeating: nil, count: counties.count)
            ends = Array(repeating: [], count: counties.count)
        }
        var changed: [Int] = []
        made.withUnsafeBufferPointer { made in
            counties.withUnsafeBufferPointer { counties in
                for i in counties.indices where made[i]?.isSameCount(as: counties[i]) != true { changed.append(i) }
            }
        }
        for i in changed {
            let c = counties[i]
            let end = prefix(i, c) + (c.agreements.isEmpty ? Self.zeroTail : tails.bytes(c)) + [UInt8(ascii: "\n")]
            ends[i] = end
            made[i] = c
        }
        lastCounts[m] = made
        self.ends[m] = ends
    }

    /// The constant fields of county `c`, at position `i` of its result.
    private func prefix(_ i: Int, _ c: CountyCoverage) -> [UInt8] {
        if i < prefixes.count, prefixes[i].geoid == c.geoid { return prefixes[i].bytes }
        let bytes = BatchCSV.fields([c.geoid, c.name, c.stateUSPS, String(c.population)])
        if i < prefixes.count { prefixes[i] = (c.geoid, bytes) } else if i == prefixes.count { prefixes.append((c.geoid, bytes)) }
        return bytes
    }
}
