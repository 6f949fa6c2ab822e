import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Jurisdictions

/// The streaming pipeline of `lookup --points`: a reader thread cuts the file into chunks
/// (`LookupCSVReader`), the calling thread locates each chunk on the worker threads (counties,
/// then places) and formats its rows on them, a writer thread writes the bytes; the queues
/// between them hold at most two chunks each, so memory is bounded by a few chunks whatever the
/// file's size. Chunks are written in input order: the output is the same bytes, whatever the
/// chunk size and the thread count.
extension LookupBulk {
    /// Streams the annotated CSV of `path` to `write` (called on the writer thread, in order):
    /// the header, then the rows. Rows left out go to `badRow` as they are met; `located`
    /// (tests) gets each chunk's locations and checks. A read error, a record over a limit or a
    /// failing `write` stops the run: what was written stays written, and the error is thrown.
    /// `chunkRows`: rows per chunk; `blockSize`: bytes per read of the file.
    public func stream(csvPath path: String, chunkRows: Int = LookupBulk.chunkRows, blockSize: Int = LookupBulk.blockSize,
                       write: @escaping @Sendable ([UInt8]) throws -> Void,
                       badRow: (BadRow) -> Void = { _ in },
                       located: (([PointAssignment], [CoordinateCheck]) -> Void)? = nil) throws -> Summary {
        let reader = try LookupCSVReader(path: path, latNames: Self.latNames, lonNames: Self.lonNames,
                                         chunkRows: chunkRows, blockSize: blockSize)
        // The counties' polygons are read only to build a derived cache entry (the county index,
        // the matched sheet), which a warm run reads instead.
        let root = self.root, cache = self.cache
        let withPolygons = Once { try CensusLayers.counties(root).sorted { $0.geoid < $1.geoid } }
        // The county index and the matching load on other threads while the counties' attributes
        // are read here; matching (when built, ~1 s) goes on while the first chunks are located.
        let index = Prefetch { [self] in try countyIndex { try withPolygons.value().map(\.geometry) } }
        let matching = Prefetch { [self] in try match(counties: { try withPolygons.value() }) }
        let counties = try CensusLayers.counties(root, geometry: .none)
        Trace.mark("county attributes")
        let locator = try BulkCountyPlaceLocator(counties: counties, threads: threads, countyIndex: { _ in try index.value() }) { fips in
            try StatePlaces.load(root, stateFIPS: fips, cache: cache)
        }
        Trace.mark("county index")
        let table = LookupBulkColumns(bulk: self, locator: locator, matching: matching)

        let chunks = BoundedQueue<Result<LookupCSVChunk, any Error>>(capacity: 2)
        let output = BoundedQueue<[[UInt8]]>(capacity: 2)
        let counter = ChunkCounter()
        let readerDone = Stage { reader.readAll(into: chunks, counter: counter) }
        let writerDone = Stage { try Self.writeAll(from: output, chunks: chunks, counter: counter, write) }

        var summary = Summary()
        let ours = Self.columnNames(pending: pendingSheet != nil)
        let prefix = ours.contains(where: reader.header.map { $0.lowercased() }.contains) ? "lookup_" : ""
        output.put([reader.headerBytes + Array(("," + ours.map { CSVWriter.field(prefix + $0) }.joined(separator: ",") + "\n").utf8)])
        do {
            while let next = chunks.take() {
                let chunk = try next.get()
                summary.largestChunk = max(summary.largestChunk, chunk.rowCount)
                summary.badRows += chunk.bad.count
                for b in chunk.bad { badRow(b) }
                let located = try locate(chunk, locator: locator, table: table, summary: &summary, located: located)
                guard output.put(try format(chunk, located)) else { break }   // the writer failed
            }
        } catch {
            chunks.cancel()
            output.cancel()
            readerDone.join()
            writerDone.join()
            throw error
        }
        output.finish()
        chunks.cancel()   // the reader has finished, or the writer failed (and stopped it)
        try writerDone.wait()
        try readerDone.wait()
        summary.chunksInFlight = counter.most
        Trace.mark("streamed \(summary.rows) rows")
        return summary
    }

    /// The grid index of the county layer's polygons (`polygons`: GEOID order, called only to
    /// build it), from the derived cache (`bulk-county-index`) when its entry for the county
    /// layer is valid.
    func countyIndex(_ polygons: () throws -> [MultiPolygon]) throws -> PointIndex {
        try cache.value(kind: "bulk-county-index", format: PointIndex.encodingVersion, inputs: DerivedInputs.countyLayer(root),
                        encode: { index, w in index.encode(into: &w) },
                        decode: { r in try PointIndex(decoding: &r) },
                        build: { try PointIndex(polygons: polygons()) })
    }

    /// Per row of a chunk: its column set (in `table`) and its coordinate check.
    struct Located: Sendable {
        var columns: [Int32]
        var checks: [UInt8]   // index in CoordinateCheck.allCases
        let sets: [UInt8], starts: [Int]   // the column sets (`LookupBulkColumns`)
    }

    func locate(_ chunk: LookupCSVChunk, locator: BulkCountyPlaceLocator, table: LookupBulkColumns,
                summary: inout Summary, located: (([PointAssignment], [CoordinateCheck]) -> Void)?) throws -> Located {
        let n = chunk.records.count
        let countyOf = try locator.countyIndex.locateAll(xs: chunk.xs, ys: chunk.ys, threads: threads)
        let placeOf = try locator.locatePlaces(xs: chunk.xs, ys: chunk.ys, countyOf: countyOf)
        let kinds = CoordinateCheck.allCases
        var checks = [UInt8](repeating: 0, count: n)   // index in `kinds`; 0 is ok
        var columns = [Int32](repeating: 0, count: n)
        for i in 0..<n where countyOf[i] < 0 {
            let check = Self.check(given: chunk.outOfRange[i], located: Coordinate(chunk.xs[i], chunk.ys[i]), counties: locator.countyIndex)
            checks[i] = UInt8(kinds.firstIndex(of: check) ?? 0)
            summary.outside += 1
        }
        try table.ids(countyOf: countyOf, placeOf: placeOf, into: &columns)
        summary.rows += n
        var tally = [Int](repeating: 0, count: kinds.count)
        for c in checks { tally[Int(c)] += 1 }
        for (k, t) in zip(kinds, tally) where t > 0 { summary.checks[k, default: 0] += t }
        if let located {
            located((0..<n).map { i in
                let c = Int(countyOf[i])
                guard c >= 0 else { return .outside }
                return PointAssignment(countyGEOID: locator.counties[c].geoid, placeGEOID: locator.place(county: c, index: placeOf[i])?.geoid)
            }, checks.map { kinds[Int($0)] })
        }
        return Located(columns: columns, checks: checks, sets: table.bytes, starts: table.starts)
    }

    /// A row in no county: out of range or outside the US, unless swapping latitude and
    /// longitude puts it in a county.
    static func check(given outOfRange: Coordinate?, located: Coordinate, counties: PointIndex) -> CoordinateCheck {
        let given = outOfRange ?? located
        // (lat, lon) read as (lon, lat): in range only when the longitude is within ±90.
        if (-90...90).contains(given.x), (-180...180).contains(given.y), counties.locate(Coordinate(given.y, given.x)) != nil {
            return .swapped
        }
        return outOfRange == nil ? .outsideUS : .outOfRange
    }

    /// The chunk's output rows (input record, columns, check, LF), in order, cut in a few parts
    /// per worker thread.
    func format(_ chunk: LookupCSVChunk, _ located: Located) throws -> [[UInt8]] {
        let n = chunk.records.count
        let size = Parallel.balancedChunkSize(count: n, threads: threads)
        let parts = DisjointBuffer<[UInt8]>(count: (n + size - 1) / size, initial: [])
        let checkFields = CoordinateCheck.allCases.map { Array(",\($0.rawValue)\n".utf8) }
        let checkBytes = checkFields.flatMap { $0 }, checkStarts = checkFields.reduce(into: [0]) { $0.append(($0.last ?? 0) + $1.count) }
        try Parallel.forEachChunk(count: n, chunkSize: size, threads: threads) { range in
            // The part's exact size first, then one copy of each piece into it.
            var total = 0
            for i in range {
                let set = Int(located.columns[i]), check = Int(located.checks[i])
                total += chunk.records[i].count + located.starts[set + 1] - located.starts[set] + checkStarts[check + 1] - checkStarts[check]
            }
            let out = [UInt8](unsafeUninitializedCapacity: total) { out, written in
                guard let base = out.baseAddress else { return }
                var at = 0
                func copy(_ piece: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) {
                    guard let from = piece.baseAddress, !r.isEmpty else { return }
                    (base + at).update(from: from + r.lowerBound, count: r.count)
                    at += r.count
                }
                chunk.bytes.withUnsafeBufferPointer { b in
                    located.sets.withUnsafeBufferPointer { sets in
                        checkBytes.withUnsafeBufferPointer { checks in
                            for i in range {
                                let set = Int(located.columns[i]), check = Int(located.checks[i])
                                copy(b, chunk.records[i])
                                copy(sets, located.starts[set]..<located.starts[set + 1])
                                copy(checks, checkStarts[check]..<checkStarts[check + 1])
                            }
                        }
                    }
                }
                written = at
            }
            parts[range.lowerBound / size] = out
        }
        return parts.values
    }

    /// The writer thread: writes each chunk's parts in order; on a failure it stops both
    /// queues (so the reader and the caller stop too) and keeps the error.
    static func writeAll(from output: BoundedQueue<[[UInt8]]>, chunks: BoundedQueue<Result<LookupCSVChunk, any Error>>,
                         counter: ChunkCounter, _ write: @Sendable ([UInt8]) throws -> Void) throws {
        var first = true
        while let parts = output.take() {
            do {
                for p in parts where !p.isEmpty { try write(p) }
            } catch {
                output.cancel()
                chunks.cancel()
                throw error
            }
            if !first { counter.done() }
            first = false
        }
    }
}

extension LookupCSVReader {
    /// The reader thread: every chunk into `chunks`, then the end (or the error).
    func readAll(into chunks: BoundedQueue<Result<LookupCSVChunk, any Error>>, counter: ChunkCounter) {
        do {
            while let chunk = try next() {
                counter.started()
                guard chunks.put(.success(chunk)) else { break }   // the consumer stopped
            }
        } catch {
            chunks.put(.failure(error))
        }
        chunks.finish()
    }
}

/// How many chunks are alive at once (read, not yet written), and the most there were.
final class ChunkCounter: @unchecked Sendable {
    // @unchecked: `alive` and `most` are touched only under `lock`.
    private let lock = NSLock()
    private var alive = 0, highest = 0
    var most: Int { lock.lock(); defer { lock.unlock() }; return highest }
    func started() { lock.lock(); alive += 1; highest = max(highest, alive); lock.unlock() }
    func done() { lock.lock(); alive -= 1; lock.unlock() }
}

/// A thread running one stage of the pipeline; `wait()` joins it and rethrows its error.
final class Stage: @unchecked Sendable {
    // @unchecked: `error` is written by the thread before `done.signal()` and read after `done.wait()`.
    private let done = DispatchSemaphore(value: 0)
    private var error: (any Error)?
    private var joined = false

    init(_ body: @escaping @Sendable () throws -> Void) {
        let thread = Thread { [self] in
            do { try body() } catch { self.error = error }
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    func wait() throws {
        if !joined { done.wait(); joined = true }
        if let error { throw error }
    }

    /// Joins the thread and drops its error (the caller already has one to report).
    func join() {
        if !joined { done.wait(); joined = true }
    }
}
