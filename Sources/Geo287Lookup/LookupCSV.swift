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
        var head = try nextRecord(keep: nil)
        while head == nil, !atEnd {
            try fill()
            head = try nextRecord(keep: nil)
        }
        guard let head else { throw DataError(path, "empty file: expected a header with lat and lon") }
        guard head.count <= Self.fieldLimit else {
            throw DataError(path, "line 1: the header has \(head.count) fields, over the \(Self.fieldLimit)-field limit")
        }
        headerBytes = Array(buffer[0..<head.range.upperBound])
        header = head.fields.map { Self.text(buffer, $0) }
        let lower = header.map { $0.lowercased() }
        guard let lat = lower.firstIndex(where: latNames.contains), let lon = lower.firstIndex(where: lonNames.contains) else {
            throw DataError(path, "no lat and lon columns in the header (\(header.joined(separator: ",")))")
        }
        latColumn = lat
        lonColumn = lon
    }

    deinit { try? file.close() }

    /// The next chunk of at most `chunkRows` records (rows kept plus bad rows), nil at the end;
    /// its bytes are at most two blocks and a record.
    func next() throws -> LookupCSVChunk? {
        // The chunk owns the bytes it was cut from; the unread tail starts the next buffer.
        if position > 0 {
            buffer = Array(buffer[position...])
            position = 0
        }
        if buffer.count < blockSize { try fill() }
        var chunk = LookupCSVChunk()
        while chunk.rowCount < chunkRows {
            let startLine = line
            guard let r = try nextRecord(keep: (latColumn, lonColumn)) else {
                // The end; or a record cut by the block: read on, up to a block's worth of chunk.
                if atEnd || (chunk.rowCount > 0 && buffer.count >= blockSize) { break }
                try fill()
                continue
            }
            if r.range.isEmpty { continue }
            chunk.add(r, line: startLine, bytes: buffer, latColumn: latColumn, lonColumn: lonColumn)
        }
        guard chunk.rowCount > 0 else { return nil }
        chunk.bytes = buffer
        return chunk
    }

    /// Appends one block from the file (or notes its end).
    private func fill() throws {
        guard !atEnd else { return }
        let block: Data
        do { block = try file.read(upToCount: blockSize) ?? Data() } catch {
            throw DataError.io(path, "read failed (\(error.localizedDescription))")
        }
        if block.isEmpty { atEnd = true } else { buffer.append(contentsOf: block) }
    }

    struct Record {
        var range: Range<Int>
        /// Every field's range (header), or only the two kept fields at their indices' places.
        var count = 0
        var fields: [Range<Int>] = []
        var kept: (Range<Int>, Range<Int>) = (0..<0, 0..<0)
    }

    /// The record at `position`, with its fields' ranges (quotes included): all of them, or with
    /// `keep` only those two. Nil when the buffer ends inside it before the end of the file (the
    /// caller reads more) and at the end of the file. Advances `position` past the line end and
    /// `line` past every newline.
    private func nextRecord(keep: (Int, Int)?) throws -> Record? {
        let start = position
        guard start < buffer.count else { return nil }
        var r = Record(range: start..<start)
        var tooLong: (field: Int, size: Int)?
        let scanned = buffer.withUnsafeBufferPointer { b -> (end: Int, newlines: Int) in
            var i = start, fieldStart = start, inQuotes = false, newlines = 0
            func add(_ f: Range<Int>) {
                if let keep {
                    if r.count == keep.0 { r.kept.0 = f }
                    if r.count == keep.1 { r.kept.1 = f }
                } else if r.fields.count < Self.fieldLimit {
                    r.fields.append(f)   // past the limit only counted: the caller refuses the record
                }
                if f.count > Self.fieldSizeLimit, tooLong == nil { tooLong = (r.count + 1, f.count) }
                r.count += 1
            }
            while i < b.count {
                let c = b[i]
                if inQuotes {
                    if c == 0x22 { inQuotes = false } else if c == 0x0A { newlines += 1 }
                } else if c == 0x22 {
                    inQuotes = true
                } else if c == 0x2C {
                    add(fieldStart..<i)
                    fieldStart = i + 1
                } else if c == 0x0A || c == 0x0D {
                    break
                }
                i += 1
            }
            // Cut by the block (no line end yet, or a CR whose LF may follow): not a record yet.
            if !atEnd, i >= b.count - 1 && (i == b.count || b[i] == 0x0D) { return (-1, 0) }
            if i > start { add(fieldStart..<i) }
            return (i, newlines)
        }
        let end = scanned.end
        if end < 0 {
            if buffer.count - start > Self.recordLimit { throw overLimit(line) }
            r.count = 0
            return nil
        }
        if end - start > Self.recordLimit { throw overLimit(line) }
        if let tooLong {
            throw DataError(path, "line \(line): field \(tooLong.field) is \(tooLong.size) bytes, over the \(Self.fieldSizeLimit)-byte limit per field")
        }
        if keep != nil, r.count > Self.fieldLimit {
            throw DataError(path, "line \(line): \(r.count) fields, over the \(Self.fieldLimit)-field limit per record")
        }
        var i = end
        if i < buffer.count, buffer[i] == 0x0D { i += 1 }
        if i < buffer.count, buffer[i] == 0x0A { i += 1 }
        position = i
        line += scanned.newlines + 1
        r.range = start..<end
        return r
    }

    private func overLimit(_ line: Int) -> DataError {
        DataError(path, "line \(line): a record of more than \(Self.recordLimit) bytes, over the limit per record (a quote left open?)")
    }

    /// A field's text: surrounding spaces and quotes removed, doubled quotes undone.
    static func text(_ b: [UInt8], _ r: Range<Int>) -> String {
        var s = String(decoding: b[r], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") {
            s = String(s.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
        return s
    }
}
