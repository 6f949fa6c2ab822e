import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Geometry
import Geo287History
import Geo287Jurisdictions
import Geo287Lookup
import Geo287Sheets
import Geo287TestSupport
import Testing

/// `docs/codebook.md` documents every column and JSON key geo287 writes: each output's real
/// header (or rendered JSON) is read here and every name must appear in that output's section.
@Suite("Codebook covers every column")
struct CodebookTests {
    /// Section id (the first code span of a `## ` heading) → names in code spans of the first
    /// cell of its table rows.
    static func documented() throws -> [String: Set<String>] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/codebook.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [String: Set<String>] = [:], section = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                section = spans(String(line)).first ?? ""
            } else if line.hasPrefix("| `"), !section.isEmpty {
                let first = line.split(separator: "|", omittingEmptySubsequences: true).first.map(String.init) ?? ""
                out[section, default: []].formUnion(spans(first))
            }
        }
        return out
    }

    /// The code spans of a line.
    static func spans(_ s: String) -> [String] {
        s.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// Names missing from a section.
    static func undocumented(_ names: [String], _ section: String, _ doc: [String: Set<String>]) -> [String] {
        names.filter { !(doc[section] ?? []).contains($0) }
    }

    /// Every object key of a JSON text; keys under an object named in `wildcards` read `name.*`.
    static func keys(_ json: String, wildcards: Set<String> = []) throws -> [String] {
        var out: Set<String> = []
        func walk(_ v: Any, parent: String?) {
            if let d = v as? [String: Any] {
                for (k, x) in d {
                    out.insert(parent.map { wildcards.contains($0) } == true ? "\(parent ?? "").*" : k)
                    walk(x, parent: k)
                }
            } else if let a = v as? [Any] {
                for x in a { walk(x, parent: parent) }
            }
        }
        walk(try JSONSerialization.jsonObject(with: Data(json.utf8)), parent: nil)
        return out.sorted()
    }

    /// The names are there (a real output was read) and each is documented in `section`.
    static func check(_ names: [String], _ section: String, _ doc: [String: Set<String>],
                      sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!names.isEmpty, "\(section): no names read", sourceLocation: sourceLocation)
        let missing = undocumented(names, section, doc)
        #expect(missing.isEmpty, "\(section): not in docs/codebook.md: \(missing.joined(separator: ", "))", sourceLocation: sourceLocation)
    }

    static func header(_ csv: String) -> [String] { DelimitedText.rows(csv).first ?? [] }

    @Test("a column that is not in the codebook is found")
    func detectsUndocumented() throws {
        let doc = try Self.documented()
        #expect(Self.undocumented(BatchPanels.countyHeader + ["a_new_column"], "county_panel.csv", doc) == ["a_new_column"])
        #expect(doc.count >= 16)
    }

    @Test("batch panels and history: every column documented")
    func panels() throws {
        let doc = try Self.documented()
        Self.check(BatchPanels.countyHeader, "county_panel.csv", doc)
        Self.check(BatchPanels.agreementHeader, "agreements_panel.csv", doc)
        Self.check(BatchPanels.lifetimeHeader, "agreement_lifetimes.csv", doc)
        let history = try HistoryFixture.history()
        Self.check(Self.header(HistoryOutput.csv(history)), "history.csv", doc)
        Self.check(try Self.keys(HistoryOutput.json(history).rendered()), "history.json", doc)
        let manifest = BatchManifest.json(
            inputs: [BatchInputs.Input(path: "ice/x.xlsx", absolutePath: "/x", role: "participating")], hashes: [("00", 1)],
            populationVintage: "Vintage 2023", outputs: [("county_panel.csv", 1, "00")])
        Self.check(try Self.keys(manifest.rendered()), "manifest.json", doc)
    }

    @Test("coverage, diff and match outputs: every column and key documented")
    func commands() throws {
        let doc = try Self.documented()
        let (diff, people) = try DiffPeopleTests.computed.get()
        Self.check(Self.header(SheetDiffOutput.csv(diff, people: people)), "diff.csv", doc)
        Self.check(try Self.keys(SheetDiffOutput.json(diff, people: people).rendered()), "diff.json", doc)
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        let matched = try run.matchedSheet(try HistoryTestData.sheet("participating-2026-05-18.xlsx"))
        let result = try run.coverage(matched, pending: nil, options: CoverageOptions())
        Self.check(Self.header(CoverageOutput.csv(result)), "coverage.csv", doc)
        Self.check(try Self.keys(CoverageOutput.json(result), wildcards: ["rules"]), "coverage.json", doc)
        Self.check(Self.header(MatchOutput.csv(matched.matched)), "match.csv", doc)
        Self.check(try Self.keys(MatchOutput.json(matched.matched, sheet: matched.sheet)), "match.json", doc)
    }

    @Test("lookup, agreements and summary outputs: every column and key documented")
    func lookupAndSheets() throws {
        let doc = try Self.documented()
        let root = HistoryTestData.root
        let sheet = root.path("ice/participating-2026-05-18.xlsx")
        let session = try LookupSession(root: root, sheetPath: sheet, includePending: true)
        for r in [try session.lookup(place: "Tampa, FL"), try session.lookup(point: Coordinate(-82.4572, 28.1730))] {
            Self.check(try Self.keys(LookupJSON.render(r)), "lookup.json", doc)
        }
        // --points: the columns appended to the input's.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-codebook-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("p.csv").path
        try Data("lat,lon\n27.9506,-82.4572\n".utf8).write(to: URL(fileURLWithPath: csv))
        let pending = try LookupSession.pendingSheet(root: root, for: try SheetReader.read(path: sheet))
        let out = try LookupBulk(root: root, sheet: try SheetReader.read(path: sheet), pendingSheet: pending).run(csvPath: csv)
        let added = Array(Self.header(String(decoding: out.csv, as: UTF8.self)).dropFirst(2))
        #expect(added.contains("pending_count") && added.last == "coordinate_check")
        Self.check(added, "points.csv", doc)
        // The sheet outputs, as the command writes them.
        for (format, section) in [("csv", "agreements.csv"), ("json", "agreements.json")] {
            let run = try CLIRunner.geo287(["agreements", "--data", root.url.path, "--sheet", sheet, "--format", format])
            #expect(run.status == 0, "\(run.stderr)")
            let names = format == "csv" ? Self.header(run.stdout) : try Self.keys(run.stdout)
            Self.check(names, section, doc)
        }
        let summary = try CLIRunner.geo287(["summary", "--data", root.url.path, "--sheet", sheet, "--format", "json"])
        Self.check(try Self.keys(summary.stdout), "summary.json", doc)
    }
}
