import Foundation
import Geo287Core
import Geo287Geometry
import Geo287Sheets
import Geo287TestSupport
import Testing
@testable import Geo287Lookup

/// `lookup --points` streams: chunk by chunk, in input order, memory bounded by the chunk.
@Suite struct LookupStreamTests {
    /// A `--points` CSV of `rows` rows over Florida, Georgia and Alabama with what real files
    /// hold: CRLF and LF line ends, quoted names with commas, quotes and line breaks, empty
    /// lines, rows whose latitude is not a number, swapped coordinates. Returns the text, the ids
    /// of the rows kept in order, and the line of each bad row (counted here, independently of
    /// the reader: a quoted line break adds a line).
    static func input(rows: Int) -> (text: String, kept: [Int], badLines: [Int]) {
        let points = LookupBulkTests.points(rows)
        var text = "id,name,lat,lon\r\n"
        var line = 2, kept: [Int] = [], badLines: [Int] = []
        for i in 0..<rows {
            var name = "p\(i)"
            if i % 7 == 0 { name = "\"Main St, No. \(i)\"" }
            if i % 11 == 0 { name = "\"two\nlines \"\"\(i)\"\"\"" }
            var lat = String(format: "%.6f", points[i].y), lon = String(format: "%.6f", points[i].x)
            if i % 101 == 0 { swap(&lat, &lon) }
            if i % 97 == 5 { lat = "abc" }
            text += "\(i),\(name),\(lat),\(lon)" + (i % 13 == 0 ? "\r\n" : "\n")
            if i % 97 == 5 { badLines.append(line) } else { kept.append(i) }
            line += i % 11 == 0 ? 2 : 1
            if i % 500 == 250 { text += "\n"; line += 1 }
        }
        return (text, kept, badLines)
    }

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-stream-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("chunks of 64 rows give the bytes of one chunk, in input order, never holding more than a few chunks")
    func smallChunksGiveTheSameBytes() throws {
        let (text, kept, badLines) = Self.input(rows: 3_000)
        let path = try Self.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bulk = LookupBulk(root: LookupFixtures.root, sheet: try SheetReader.read(path: LookupFixtures.newestSheet), pendingSheet: nil)
        let whole = try bulk.run(csvPath: path)
        let streamed = try bulk.run(csvPath: path, chunkRows: 64, blockSize: 4_096)
        // Blocks of 97 bytes: most records cut between two reads, chunks of a few rows.
        let cut = try bulk.run(csvPath: path, chunkRows: 64, blockSize: 97)
        #expect(whole.summary.largestChunk == 3_000)
        #expect(streamed.csv == whole.csv && cut.csv == whole.csv)
        #expect(streamed.checks == whole.checks && streamed.assignments == whole.assignments)
        // Memory: no chunk over 64 rows, and at most 7 alive (one read and waiting, two queued,
        // one located, two queued for writing, one being written): 448 rows of 3,000.
        #expect(streamed.summary.largestChunk == 64 && cut.summary.largestChunk < 64)
        #expect(streamed.summary.chunksInFlight <= 7)
        #expect(streamed.summary.rows == kept.count && streamed.bad.map(\.row) == badLines)
        #expect(streamed.bad.first?.message.isEmpty == false)
        // Input order, and every input record repeated byte for byte (line ends become LF).
        let rows = DelimitedText.rows(String(decoding: streamed.csv, as: UTF8.self))
        #expect(rows.first?.prefix(5) == ["id", "name", "lat", "lon", "state"])
        #expect(rows.dropFirst().map { Int($0[0]) ?? -1 } == kept)
        #expect(rows[1][1] == "two\nlines \"0\"" && rows[7][1] == "Main St, No. 7")
        let out = String(decoding: streamed.csv, as: UTF8.self)
        #expect(!out.contains("\r") && out.contains("\n0,\"two\nlines \"\"0\"\"\","))
        #expect(streamed.summary.count(.swapped) > 0 && streamed.summary.count(.ok) > 1_000)
    }

    /// The error of reading `path` to the end in chunks of `rows` rows and blocks of `block` bytes.
    static func readError(_ path: String, rows: Int, block: Int) -> String {
        do {
            let reader = try LookupCSVReader(path: path, latNames: LookupBulk.latNames, lonNames: LookupBulk.lonNames,
                                             chunkRows: rows, blockSize: block)
            while try reader.next() != nil {}
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test("a record over a limit late in the file is the same one-line error, naming its line, whatever the chunking")
    func limitsNameTheLine() throws {
        let (text, _, _) = Self.input(rows: 1_000)
        let lines = text.utf8.filter { $0 == 0x0A }.count   // LF, CRLF and quoted line breaks: the next record is on line lines + 1
        #expect(lines == 1_094)   // 1,000 rows and the header, 91 quoted line breaks, 2 empty lines
        let cases: [(String, String)] = [
            ("9,\"" + String(repeating: "x", count: 70_000) + "\",27.9,-82.4\n",
             "line \(lines + 1): field 2 is 70002 bytes, over the 65536-byte limit per field"),
            ("9,x,27.9,-82.4" + String(repeating: ",", count: 1_000) + "\n",
             "line \(lines + 1): 1004 fields, over the 1000-field limit per record"),
            ("9,\"never closed,27.9,-82.4\n" + String(repeating: "1,a,27.9,-82.4\n", count: 80_000),
             "line \(lines + 1): a record of more than 1048576 bytes, over the limit per record (a quote left open?)"),
        ]
        for (tail, message) in cases {
            let path = try Self.write(text + tail)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(Self.readError(path, rows: 1 << 16, block: 4 << 20) == "\(path): \(message)")
            #expect(Self.readError(path, rows: 50, block: 16_384) == "\(path): \(message)")
        }
        // Within the limits the same rows read fine: 1,000 fields, a 65,536-byte field.
        let fine = try Self.write(text + "9,\"" + String(repeating: "x", count: 65_534) + "\",27.9,-82.4"
                                  + String(repeating: ",", count: 996) + "\n")
        defer { try? FileManager.default.removeItem(atPath: fine) }
        #expect(Self.readError(fine, rows: 50, block: 1_000) == "no error")
    }

    @Test("a file without a final line end, a BOM and CR line ends are read as before")
    func lineEnds() throws {
        let path = try Self.write("\u{FEFF}lat,lon\r27.9506,-82.4572\r\n\r\n26.05,-81.25")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try LookupCSVReader(path: path, latNames: LookupBulk.latNames, lonNames: LookupBulk.lonNames, chunkRows: 1, blockSize: 3)
        #expect(reader.header == ["lat", "lon"] && reader.headerBytes == Array("\u{FEFF}lat,lon".utf8))
        var lines: [Int] = [], ys: [Double] = []
        while let c = try reader.next() { lines += c.lines; ys += c.ys }
        #expect(lines == [2, 4] && ys == [27.9506, 26.05])
    }
}
