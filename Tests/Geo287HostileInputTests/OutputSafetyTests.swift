import Foundation
import Geo287Core
import Geo287TestSupport
import Testing

/// What geo287 writes: CSV cells, terminal text, output targets, standard output, and batch
/// folders published as a set.
@Suite("Hostile input: outputs")
struct OutputSafetyTests {
    @Test("CSV: CR LF (one Swift Character) is quoted; formula cells are neutralised; numbers stay numbers")
    func csvCells() {
        #expect(CSVWriter.line(["a\r\nb", "x"]) == "\"a\r\nb\",x\n")
        #expect(CSVWriter.field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSVWriter.field("=1+1") == "'=1+1")
        #expect(CSVWriter.field("-2+3+cmd|' /C calc'!A0") == "'-2+3+cmd|' /C calc'!A0")
        #expect(CSVWriter.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.field("+1 555 0100") == "'+1 555 0100")
        #expect(CSVWriter.field("\tx") == "'\tx")
        #expect(CSVWriter.field("\rx") == "\"'\rx\"")
        for number in ["-12", "+3.5", "-0.25", "1e-5", "-1.5E+3", "12", "Tampa Police Department"] {
            #expect(CSVWriter.field(number) == number)
        }
    }

    @Test("terminal text: ESC, OSC, C1 controls and bidi overrides are shown, not sent")
    func terminalEscapes() {
        #expect(TerminalText.escape("A\u{1B}]0;owned\u{07}B\u{1B}[2J") == "A\\u{1B}]0;owned\\u{7}B\\u{1B}[2J")
        #expect(TerminalText.escape("x\u{9B}31m\u{202E}gpj.exe\u{2066}") == "x\\u{9B}31m\\u{202E}gpj.exe\\u{2066}")
        #expect(TerminalText.escape("line 1\n\tline 2") == "line 1\n\tline 2")
        #expect(TerminalText.escapeLine("a\r\nb") == "a\\r\\nb")
        #expect(TerminalText.escape("Doña Ana County") == "Doña Ana County")
    }

    @Test("output targets: a device or a folder is refused; a symlink's file is replaced and the link kept")
    func outputTargets() throws {
        let dir = try HostileDir("targets"); defer { dir.remove() }
        #expect(throws: DataError.io("/dev/null", "is a character device; refused (outputs are written only to regular files)")) {
            try AtomicFile.write(Data("x".utf8), to: "/dev/null")
        }
        #expect(throws: DataError.io(dir.path, "is a folder; give a file name")) { try AtomicFile.write(Data("x".utf8), to: dir.path) }
        let real = try dir.write("real.txt", "old")
        let link = dir.path + "/link.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try AtomicFile.write(Data("new".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/dangling", withDestinationPath: dir.path + "/nowhere/x")
        #expect(throws: DataError.io(dir.path + "/dangling", "is a symbolic link to nothing; refused (give the real path)")) {
            try AtomicFile.write(Data("x".utf8), to: dir.path + "/dangling")
        }
        // The unsynced variant (derived cache entries) refuses and follows the same targets.
        #expect(throws: DataError.io(dir.path, "is a folder; give a file name")) { try AtomicFile.writeUnsynced(Array("x".utf8), to: dir.path) }
        try AtomicFile.writeUnsynced(Array("newer".utf8), to: link)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "newer")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["dangling", "link.txt", "real.txt"])
    }

    @Test("an output set is published whole: concurrent publishers never leave a mixed folder")
    func concurrentPublish() async throws {
        let dir = try HostileDir("publish"); defer { dir.remove() }
        let out = dir.path + "/panel"
        func set(_ run: Int) -> [(name: String, data: Data)] {
            ["a.csv", "b.csv", "manifest.json"].map { ($0, Data("run \(run) \($0)\n".utf8)) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for run in 0..<8 {
                group.addTask { for _ in 0..<10 { try AtomicFolder.publish(set(run), to: out) } }
            }
            try await group.waitForAll()
        }
        let texts = try ["a.csv", "b.csv", "manifest.json"].map { try String(contentsOfFile: "\(out)/\($0)", encoding: .utf8) }
        let runs = Set(texts.map { $0.split(separator: " ")[1] })
        #expect(runs.count == 1, "mixed set: \(texts)")
        // Nothing left beside it but the folder itself.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["panel"])
        // A failed set leaves the previous set as it was: a member that cannot be written (its
        // folder is a file of the set) or a name that leaves the folder.
        #expect(throws: DataError.self) { try AtomicFolder.publish(set(99) + [("a.csv/inside", Data())], to: out) }
        #expect(throws: DataError.io(out, "output name '../escape' is not a plain relative path; nothing published")) {
            try AtomicFolder.publish(set(98) + [("../escape", Data())], to: out)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/escape"))
        #expect(try String(contentsOfFile: "\(out)/a.csv", encoding: .utf8) == texts[0])
        // A folder holding other files is not replaced.
        try FileManager.default.createDirectory(atPath: dir.path + "/mine", withIntermediateDirectories: true)
        try dir.write("mine/notes.txt", "keep me")
        #expect(throws: DataError.io(dir.path + "/mine", "holds 'notes.txt', which is not an output of this command; the folder is replaced as a whole, so give a new or a previous output folder")) {
            try AtomicFolder.publish(set(1), to: dir.path + "/mine")
        }
    }
}
