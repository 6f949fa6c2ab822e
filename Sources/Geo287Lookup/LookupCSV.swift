import Foundation
import Geo287Core
import Geo287Geometry

/// A streaming, byte-level reader for `--points` CSVs: the file is read in blocks and handed out
/// in chunks of at most `chunkRows` records, so memory is bounded by a chunk, not by the file.
/// Each record keeps its byte range (so the output repeats the input row exactly); only the two
/// coordinate fields are parsed, from the bytes. RFC 4180 quoting (quoted separators, newlines
/// and doubled quotes), LF, CRLF or CR line ends, a UTF-8 BOM; empty lines skipped.
///
/// Limits, per record (the file's size and row count are not limited), each named in its error
/// with the line: 1 MiB per record (`recordLimit`; a quote left open runs into it), 1,000 fields
/// (`fieldLimit`), 64 KiB per field (`fieldSizeLimit`).
final class LookupCSVReader: @unchecked Sendable {
    // @unchecked: one thread at a time. The caller makes it (reading the header), then hands
    // it to the pipeline's reader thread, the only one to call `next()` from then on.
    static let recordLimit = 1 << 20
    static let fieldLimit = 1_000
    static let fieldSizeLimit = 64 << 10

    let path: String
    private(set) var header: [String] = []
    /// The header record's bytes (BOM included, line end excluded).
    private(set) var headerBytes: [UInt8] = []
    private(set) var latColumn = 0, lonColumn = 0
    let chunkRows: Int
    let blockSize: Int
    private let file: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1

    /// Opens `path` (a regular file) and reads its header. `chunkRows`: records per chunk;
    /// `blockSize`: bytes per read.
    init(path: String, latNames: [String], lonNames: [String], chunkRows: Int = LookupBulk.chunkRows, blockSize: Int = LookupBulk.blockSize) throws {
        self.path = path
        self.chunkRows = max(1, chunkRows)
        self.blockSize = max(1, blockSize)
        try InputFile.check(path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw DataError.unreadable(path) }
        file = handle
        while buffer.count <= 3, !atEnd { try fill() }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        guard position < buffer.count else { throw DataError(path, "empty file: expected a header with lat and lon") }
        var head = try nextHeader()
        while head == nil, !atEnd {
            try fill()
            head = try nextHeader()
        }
        guard let (head, fields) = head else { throw DataError(path, "empty file: expected a header with lat and lon") }
        guard head.count <= Self.fieldLimit else {
            throw DataError(path, "line 1: the header has \(head.count) fields, over the \(Self.fieldLimit)-field limit")
        }
        headerBytes = Array(buffer[0..<head.end])
        header = buffer.withUnsafeBufferPointer { b in fields.map { Self.text(b, $0) } }
        let lower = header.map { $0.lowercased() }
        guard let lat = lower.firstIndex(where: latNames.contains), let lon = lower.firstIndex(where: lonNames.contains) else {
            throw DataError(path, "no lat and lon columns in the header (\(header.joined(separator: ",")))")
        }
        latColumn = lat
        lonColumn = lon
    }

    deinit { try? file.close() }

    /// The next chunk of at most `chunkRows` records (rows kept plus bad rows), nil at the end.
    /// A chunk shares the buffer it was cut from with the chunks before and after it (its
    /// records are ranges in it): the buffer is never changed once a chunk holds it, and a new
    /// one (the unread tail, then the next block) is made only when the old one is used up, so
    /// each byte is copied once from the file. A chunk ends at the end of its buffer.
    func next() throws -> LookupCSVChunk? {
        var chunk = LookupCSVChunk()
        let expected = min(chunkRows, 1 << 16, (buffer.count - position) / 4 + 1)
        chunk.records.reserveCapacity(expected)
        chunk.lines.reserveCapacity(expected)
        chunk.xs.reserveCapacity(expected)
        chunk.ys.reserveCapacity(expected)
        while true {
            // As many records as the buffer holds, in one pass over its bytes.
            try scanRows(into: &chunk)
            if chunk.rowCount > 0 || (atEnd && position >= buffer.count) { break }
            // The buffer ends inside a record: on to a new one holding the tail and a block more.
            try renew()
        }
        guard chunk.rowCount > 0 else { return nil }
        chunk.bytes = buffer
        return chunk
    }

    /// Adds the buffer's whole records from `position` to `chunk`, until it is full or the
    /// buffer ends (or ends inside a record).
    private func scanRows(into chunk: inout LookupCSVChunk) throws {
        let bytes = buffer, atEnd = self.atEnd, keep = (latColumn, lonColumn), limit = chunkRows
        var position = self.position, line = self.line
        defer { self.position = position; self.line = line }
        var unused: [Range<Int>] = []
        try bytes.withUnsafeBufferPointer { b in
            while chunk.rowCount < limit, position < b.count {
                guard let scan = Self.scanRecord(b, from: position, atEnd: atEnd, keep: keep, fields: &unused, collect: false) else {
                    if b.count - position > Self.recordLimit { throw overLimit(line) }
                    return
                }
                try check(scan, from: position, line: line, counted: true)
                let startLine = line
                position = scan.next
                line += scan.newlines + 1
                if scan.end > scan.start {
                    chunk.add(scan, line: startLine, bytes: b, latColumn: keep.0, lonColumn: keep.1)
                }
            }
        }
    }

    /// Appends one block from the file (or notes its end). Only while no chunk holds the buffer.
    private func fill() throws {
        guard !atEnd else { return }
        let block: Data
        do { block = try file.read(upToCount: blockSize) ?? Data() } catch {
            throw DataError.io(path, "read failed (\(error.localizedDescription))")
        }
        if block.isEmpty { atEnd = true } else { buffer.append(contentsOf: block) }
    }

    /// Replaces the buffer (which chunks may hold) by a new one: its unread tail, then up to a
    /// block read from the file straight into it (or notes the end of the file).
    private func renew() throws {
        let tail = buffer.count - position
        let size = tail + blockSize
        let fresh = try buffer.withUnsafeBufferPointer { old in
            try [UInt8](unsafeUninitializedCapacity: size) { out, count in
                guard let base = out.baseAddress else { return }
                if let from = old.baseAddress, tail > 0 { base.initialize(from: from + position, count: tail) }
                count = tail
                guard !atEnd else { return }
                while count < size {
                    let got = read(file.fileDescriptor, base + count, size - count)
                    if got < 0 {
                        let code = errno
                        if code == EINTR { continue }
                        throw DataError.io(path, "read failed (\(String(cString: strerror(code))))")
                    }
                    if got == 0 { atEnd = true; break }
                    count += got
                }
            }
        }
        buffer = fresh
        position = 0
    }

    /// One record as scanned: its bytes (`start..<end`, line end excluded), where the next one
    /// starts, its field count, the two kept fields' ranges (quotes included), the newlines
    /// inside its quotes, and its first field over the size limit.
    struct Record {
        var start = 0, end = 0, next = 0
        var newlines = 0
        var count = 0
        var kept: (Range<Int>, Range<Int>) = (0..<0, 0..<0)
        var tooLong: (field: Int, size: Int)?
        var range: Range<Int> { start..<end }

        @inline(__always)
        mutating func add(_ f: Range<Int>, keep: (Int, Int), fields: inout [Range<Int>], collect: Bool) {
            if collect {
                if fields.count < LookupCSVReader.fieldLimit { fields.append(f) }   // past the limit only counted
            } else {
                if count == keep.0 { kept.0 = f }
                if count == keep.1 { kept.1 = f }
            }
            if f.count > LookupCSVReader.fieldSizeLimit, tooLong == nil { tooLong = (count + 1, f.count) }
            count += 1
        }
    }

    /// Scans the record at `start`: its fields' ranges, every one into `fields` (`collect`) or
    /// only the two `keep` names. Nil when the buffer ends inside it before the end of the file.
    @inline(__always)
    static func scanRecord(_ b: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool, keep: (Int, Int),
                           fields: inout [Range<Int>], collect: Bool) -> Record? {
        var r = Record(start: start)
        var i = start, fieldStart = start, inQuotes = false
        while i < b.count {
            let c = b[i]
            if c > 0x2C { i += 1; continue }   // digits, letters, '-', '.': nothing to do, quoted or not
            if inQuotes {
                if c == 0x22 { inQuotes = false } else if c == 0x0A { r.newlines += 1 }
            } else if c == 0x2C {
                r.add(fieldStart..<i, keep: keep, fields: &fields, collect: collect)
                fieldStart = i + 1
            } else if c == 0x0A || c == 0x0D {
                break
            } else if c == 0x22 {
                inQuotes = true
            }
            i += 1
        }
        // Cut by the block (no line end yet, or a CR whose LF may follow): not a record yet.
        if !atEnd, i >= b.count - 1 && (i == b.count || b[i] == 0x0D) { return nil }
        if i > start { r.add(fieldStart..<i, keep: keep, fields: &fields, collect: collect) }
        r.end = i
        if i < b.count, b[i] == 0x0D { i += 1 }
        if i < b.count, b[i] == 0x0A { i += 1 }
        r.next = i
        return r
    }

    /// Refuses a record over a limit, naming its line.
    private func check(_ r: Record, from start: Int, line: Int, counted: Bool) throws {
        if r.end - start > Self.recordLimit { throw overLimit(line) }
        if let tooLong = r.tooLong {
            throw DataError(path, "line \(line): field \(tooLong.field) is \(tooLong.size) bytes, over the \(Self.fieldSizeLimit)-byte limit per field")
        }
        if counted, r.count > Self.fieldLimit {
            throw DataError(path, "line \(line): \(r.count) fields, over the \(Self.fieldLimit)-field limit per record")
        }
    }

    /// The header record at `position` with every field's range; nil when the buffer ends
    /// inside it (the caller reads more) or at the end of the file.
    private func nextHeader() throws -> (record: Record, fields: [Range<Int>])? {
        let start = position
        guard start < buffer.count else { return nil }
        var fields: [Range<Int>] = []
        let atEnd = self.atEnd
        guard let r = buffer.withUnsafeBufferPointer({ Self.scanRecord($0, from: start, atEnd: atEnd, keep: (-1, -1), fields: &fields, collect: true) }) else {
            if buffer.count - start > Self.recordLimit { throw overLimit(line) }
            return nil
        }
        try check(r, from: start, line: line, counted: false)
        position = r.next
        line += r.newlines + 1
        return (r, fields)
    }

    private func overLimit(_ line: Int) -> DataError {
        DataError(path, "line \(line): a record of more than \(Self.recordLimit) bytes, over the limit per record (a quote left open?)")
    }

    /// A field's text: surrounding spaces and quotes removed, doubled quotes undone.
    static func text(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        var s = String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") {
            s = String(s.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
        return s
    }
}
