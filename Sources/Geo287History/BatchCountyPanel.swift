import Foundation
import Geo287Core
import Geo287Coverage

/// The county panel (sheet × model × county, every county: the panel is balanced), formatted
/// and handed to its file on a thread of its own (`OrderedWorker`) while the next sheets are
/// counted, a few sheets behind at most. An error is reported by the next `add` or by `finish`.
final class BatchCountyPanel: @unchecked Sendable {
    // @unchecked: `prefixes`, `tails`, `lastEnds` and `rows` are only touched by the worker's items and in its `drain`.
    private let worker = OrderedWorker(label: "geo287.batch-county-panel")
    private let file: HashingFileWriter
    /// Per county position in a result: its GEOID and its constant fields `geoid,name,state,population,`
    /// (the county list is the same for every sheet and model).
    private var prefixes: [(geoid: String, bytes: [UInt8])] = []
    private var tails = BatchCountyTail()
    /// Per model filter (`History.filters` order) and county position: the count its row's end
    /// was last made from, and that end, `geoid,…,levels` and the newline (a county
    /// `MemoCounties` kept is the very same count, so most rows only copy it after the sheet's fields).
    private var lastEnds: [[(coverage: CountyCoverage, bytes: [UInt8])?]] = History.filters.map { _ in [] }
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

    /// One sheet's rows as CSV bytes (on the worker).
    private func format(published: String, sheet: String, coverage: [ModelFilter: CoverageResult]) -> [UInt8] {
        var out: [UInt8] = []
        for (m, f) in History.filters.enumerated() {
            guard let result = coverage[f] else { continue }
            let rowPrefix = BatchCSV.fields([published, sheet, f.description])
            if out.isEmpty { out.reserveCapacity(History.filters.count * result.counties.count * (rowPrefix.count + 64)) }
            // By index: the counties are read in place, not copied one by one.
            result.counties.withUnsafeBufferPointer { counties in
                for i in counties.indices {
                    out.append(contentsOf: rowPrefix)
                    out.append(contentsOf: end(model: m, i, counties[i]))
                }
            }
            rows += result.counties.count
        }
        return out
    }

    /// The row's end for county `c` at position `i` under model filter number `m`: its constant
    /// fields, its tail, the newline.
    private func end(model m: Int, _ i: Int, _ c: CountyCoverage) -> [UInt8] {
        if i < lastEnds[m].count, let last = lastEnds[m][i], last.coverage.isSameCount(as: c) { return last.bytes }
        let bytes = prefix(i, c) + (c.agreements.isEmpty ? Self.zeroTail : tails.bytes(c)) + [UInt8(ascii: "\n")]
        if i >= lastEnds[m].count { lastEnds[m] += Array(repeating: nil, count: i + 1 - lastEnds[m].count) }
        lastEnds[m][i] = (c, bytes)
        return bytes
    }

    /// The constant fields of county `c`, at position `i` of its result.
    private func prefix(_ i: Int, _ c: CountyCoverage) -> [UInt8] {
        if i < prefixes.count, prefixes[i].geoid == c.geoid { return prefixes[i].bytes }
        let bytes = BatchCSV.fields([c.geoid, c.name, c.stateUSPS, String(c.population)])
        if i < prefixes.count { prefixes[i] = (c.geoid, bytes) } else if i == prefixes.count { prefixes.append((c.geoid, bytes)) }
        return bytes
    }
}
