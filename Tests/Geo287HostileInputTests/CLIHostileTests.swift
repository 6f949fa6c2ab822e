import Foundation
import Geo287TestSupport
import Testing

/// The command line on hostile input: one line `geo287: error: <file>: <what>` on stderr, the
/// documented exit code, and nothing on standard output.
@Suite("Hostile input: command line")
struct CLIHostileTests {
    static let data = ["--data", ReferenceData.embeddedPath]

    func expectOneLineError(_ run: CLIRunner.Run, status: Int32, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == status, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr == "geo287: error: \(line)\n", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test("standard output full (/dev/full) or closed (>&-): one line and exit 1, no trap")
    func standardOutputFailures() throws {
        let sheet = ["summary", "--sheet", "participating-2025-02-21.xlsx"] + Self.data
        let full = try shell("exec \"$0\" \"$@\" > /dev/full", sheet)
        #expect(full.status == 1)
        #expect(full.stderr == "geo287: error: standard output: No space left on device\n")
        let closed = try shell("exec \"$0\" \"$@\" >&-", sheet)
        #expect(closed.status == 1)
        #expect(closed.stderr == "geo287: error: standard output: is closed; nothing written\n")
    }

    @Test("a FIFO given as a sheet is refused at once (exit 65)")
    func fifoSheet() throws {
        let dir = try HostileDir("clififo"); defer { dir.remove() }
        let fifo = dir.path + "/participating-2025-01-01.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        expectOneLineError(try CLIRunner.geo287(["agreements", "--sheet", fifo] + Self.data), status: 65,
                           "\(fifo): is a FIFO (named pipe), not a regular file; refused")
    }

    @Test("--out onto a device is refused (exit 1) and the device is left alone")
    func outOntoDevice() throws {
        expectOneLineError(try CLIRunner.geo287(["agreements", "--sheet", "participating-2025-02-21.xlsx", "--format", "csv", "--out", "/dev/null"] + Self.data),
                           status: 1, "/dev/null: is a character device; refused (outputs are written only to regular files)")
    }

    @Test("hostile agency names: formulas neutralised in CSV, raw in JSON, escaped in the table; errors escaped")
    func hostileNames() throws {
        let dir = try HostileDir("names"); defer { dir.remove() }
        let sheet = try dir.write("participating-2025-06-01.csv", HostileFixtures.csvHeader + """
        FL,"=HYPERLINK(""http://evil"",""x"") Police Department",Law Enforcement Agency,Hillsborough,Task Force Model,2025-06-01
        FL,"Evil\u{1B}]0;pwned\u{07}\r\nSheriff's Office",Law Enforcement Agency,Polk,Task Force Model,2025-06-01

        """)
        let csv = try CLIRunner.geo287(["agreements", "--sheet", sheet, "--format", "csv"] + Self.data)
        #expect(csv.status == 0)
        #expect(csv.stdout.contains(#""'=HYPERLINK(""http://evil"",""x"") Police Department""#))
        #expect(csv.stdout.contains("\"Evil\u{1B}]0;pwned\u{07}\r\nSheriff's Office\""))   // quoted: one record
        let json = try CLIRunner.geo287(["agreements", "--sheet", sheet, "--format", "json"] + Self.data)
        #expect(json.stdout.contains(#""=HYPERLINK(\"http://evil\",\"x\") Police Department""#))
        let table = try CLIRunner.geo287(["agreements", "--sheet", sheet] + Self.data)
        #expect(table.status == 0)
        #expect(!table.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(table.stdout.contains("Evil\\u{1B}]0;pwned\\u{7}"))
        let missing = dir.path + "/\u{1B}[31mred\u{202E}.xlsx"
        let error = try CLIRunner.geo287(["agreements", "--sheet", missing] + Self.data)
        #expect(error.status == 66)
        #expect(error.stderr == "geo287: error: \(dir.path)/\\u{1B}[31mred\\u{202E}.xlsx: file not found\n")
    }

    @Test("--points: a header of 2,000 fields is refused at the field limit (exit 65)")
    func pointsHeader() throws {
        let dir = try HostileDir("points"); defer { dir.remove() }
        let csv = try dir.write("p.csv", "lat,lon" + String(repeating: ",x", count: 1_998) + "\n27.9,-82.4\n")
        expectOneLineError(try CLIRunner.geo287(["lookup", "--points", csv, "--sheet", "participating-2025-02-21.xlsx"] + Self.data),
                           status: 65, "\(csv): line 1: the header has 2000 fields, over the 1000-field limit")
    }

    @Test("--points streams: a field over the per-field limit in the fifth chunk is one line naming its line (exit 65); --out leaves no file")
    func pointsRecordLimit() throws {
        let dir = try HostileDir("pointsrecord"); defer { dir.remove() }
        // 150,000 good rows (four chunks of 32,768 and part of a fifth), then a 70,000-byte field on line 150,002.
        let csv = try dir.write("p.csv", "lat,lon\n" + String(repeating: "27.9506,-82.4572\n", count: 150_000)
                                + "27.9,\"" + String(repeating: "x", count: 70_000) + "\"\n")
        let line = "\(csv): line 150002: field 2 is 70002 bytes, over the 65536-byte limit per field"
        let out = dir.path + "/out.csv"
        let args = ["lookup", "--points", csv, "--sheet", "participating-2025-02-21.xlsx"] + Self.data
        expectOneLineError(try CLIRunner.geo287(args + ["--out", out]), status: 65, line)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["p.csv"])   // no output, no temporary file
        // To standard output the rows before it are already written; the error is the same one line.
        let piped = try CLIRunner.geo287(args)
        #expect(piped.status == 65 && piped.stderr == "geo287: error: \(line)\n")
        #expect(piped.stdout.hasPrefix("lat,lon,state,county_fips,"))
    }

    @Test("an error quoting a huge value is one line, cut at 2,000 characters")
    func longErrorIsCut() throws {
        let path = "/nonexistent/" + String(repeating: "\u{1B}a/", count: 1_500) + "p.xlsx"
        let run = try CLIRunner.geo287(["agreements", "--sheet", path] + Self.data)
        #expect(run.status == 66)
        #expect(run.stderr.hasPrefix("geo287: error: /nonexistent/\\u{1B}a/"))
        #expect(run.stderr.hasSuffix("… (cut at 2,000 characters)\n"))
        #expect(run.stderr.filter(\.isNewline).count == 1)
        #expect(!run.stderr.unicodeScalars.contains { $0.value == 0x1B })
    }

    /// Runs `/bin/sh -c script geo287 args...` (for redirections the test runner cannot make).
    func shell(_ script: String, _ args: [String]) throws -> CLIRunner.Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script, CLIRunner.binary.path] + args
        var env = ProcessInfo.processInfo.environment
        env["GEO287_TODAY"] = "2026-05-20"
        env["GEO287_CACHE"] = CLIRunner.cacheFolder
        p.environment = env
        let err = Pipe()
        p.standardError = err
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLIRunner.Run(status: p.terminationStatus, stdout: "", stderr: String(decoding: e, as: UTF8.self))
    }
}
