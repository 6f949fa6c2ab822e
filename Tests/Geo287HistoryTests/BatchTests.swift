import Foundation
import Geo287Census
import Geo287Core
import Geo287History
import Testing

@Suite("Batch panels and manifest")
struct BatchTests {
    static func run(_ out: String) throws -> BatchRun.Summary {
        try BatchRun(root: HistoryTestData.root, folder: HistoryTestData.root.path("ice")).write(to: out)
    }

    @Test("two runs give identical bytes; the manifest hashes match the files")
    func reproducible() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-batch-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let a = try Self.run(base + "/a"), b = try Self.run(base + "/b")
        // Every participating sheet of the folder (34 in the README's archive, more after a fetch).
        let sheets = try HistorySheets.read(folder: HistoryTestData.root.path("ice")).participating.count
        #expect(sheets >= 34 && a.sheets == sheets && b.sheets == sheets)
        // Each model and the any-model union (`all`).
        #expect(a.countyRows == sheets * 4 * 3235)
        #expect(a.reusedRows > a.matchedRows)   // most rows repeat between sheets
        let files = [BatchRun.files.counties, BatchRun.files.agreements, BatchRun.files.lifetimes, BatchRun.files.history,
                     BatchRun.files.manifest]
        for f in files {
            let x = FileManager.default.contents(atPath: "\(base)/a/\(f)"), y = FileManager.default.contents(atPath: "\(base)/b/\(f)")
            #expect(x != nil && x == y, "\(f) differs between runs")
        }
        let data = try #require(FileManager.default.contents(atPath: "\(base)/a/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(manifest["geo287_version"] as? String == Geo287Version.string)
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.filter { $0["role"] as? String == "participating" }.count == sheets)
        #expect(inputs.contains { $0["path"] as? String == "census/population/co-est2023-alldata.csv" })
        #expect(inputs.contains { $0["path"] as? String == "census/counties/cb_2024_us_county_5m.shp" })
        // Census files against the SHA-256 the data catalog pins; sheets hashed here.
        var reference: [String: String] = [:]
        for d in DataCatalog.datasets { for f in d.files { reference[f.path] = f.sha256 } }
        for i in inputs {
            let path = try #require(i["path"] as? String)
            let expected = path.hasPrefix("census/") ? reference[path] : try SHA256.hex(ofFile: HistoryTestData.root.path(path))
            #expect(expected != nil && expected == i["sha256"] as? String, "\(path)")
        }
        for o in try #require(manifest["outputs"] as? [[String: Any]]) {
            let file = try #require(o["file"] as? String)
            #expect(try SHA256.hex(ofFile: "\(base)/a/\(file)") == o["sha256"] as? String)
        }
        // The agreements panel carries the stable id and the jurisdiction.
        let panel = try String(contentsOfFile: "\(base)/a/\(BatchRun.files.agreements)", encoding: .utf8)
        #expect(panel.hasPrefix(BatchPanels.agreementHeader.joined(separator: ",") + "\n"))
        #expect(panel.contains(",FL|hillsborough county sheriffs office|task-force,FL|hillsborough county sheriffs office|task-force,FL|hillsborough county sheriffs office,FL,task-force,"))
        try lifetimes(base + "/a")
        try countyPanel(base + "/a")
    }

    /// The lifetimes table: the Virginia State Police task force agreement (signed 2025-02-28)
    /// is on every sheet from 2025-03-17 to 2026-01-26 and gone from 2026-02-11 on.
    func lifetimes(_ folder: String) throws {
        let table = try HistoryTestData.table( "\(folder)/\(BatchRun.files.lifetimes)")
        #expect(table.header == BatchPanels.lifetimeHeader)
        let va = try #require(table.rows.first { $0["agreement_id"] == "VA|virginia department of state police|task-force" })
        #expect(va["first_seen"] == "2025-03-17" && va["last_seen"] == "2026-01-26" && va["status"] == "ended")
        #expect(va["first_signed"] == "2025-02-28" && va["sheets"] == "23" && va["gaps"] == "")
        #expect(va["level"] == "state" && va["reach"] == "whole-counties" && va["counted"] == "true" && va["counting_rule"] == "state-police")
        #expect(va["moa"] == "https://www.ice.gov/doclib/287gMOA/VirginiaStatePolice_TFM_MOA_02.28.25.pdf")
        // A jail's agreement is listed, not counted, and the rule says why.
        #expect(table.rows.contains { $0["reach"] == "not-counted" && $0["counting_rule"] == "corrections" && $0["counted"] == "false" })
        // Every row of the agreements panel belongs to one lifetime, and the statuses are the three words.
        let panel = try HistoryTestData.table( "\(folder)/\(BatchRun.files.agreements)")
        let ids = Set(table.rows.compactMap { $0["agreement_id"] })
        #expect(ids.count == table.rows.count)
        #expect(panel.rows.allSatisfy { ids.contains($0["agreement_id"] ?? "") })
        #expect(Set(table.rows.compactMap { $0["status"] }) == ["active", "renewed", "ended"])
    }

    /// The county panel's any-model union and `covered_without_statewide` add up to what
    /// `coverage` reports for the newest sheet (README: 130,966,240 and 49,144,679, task force).
    func countyPanel(_ folder: String) throws {
        let table = try HistoryTestData.table( "\(folder)/\(BatchRun.files.counties)")
        #expect(table.header == BatchPanels.countyHeader)
        let newest = table.rows.filter { $0["published"] == "2026-05-18" }
        func sum(_ model: String, _ column: String) -> Int {
            newest.filter { $0["model"] == model }.reduce(0) { $0 + (Int($1[column] ?? "") ?? 0) }
        }
        #expect(sum("task-force", "covered") == 130_966_240)
        #expect(sum("task-force", "covered_without_statewide") == 49_144_679)
        // The union is at least each model and at most the sum of the three.
        let models = ["jail-enforcement", "warrant-service", "task-force"].map { sum($0, "covered") }
        #expect(sum("all", "covered") >= models.max() ?? 0 && sum("all", "covered") <= models.reduce(0, +))
        #expect(newest.filter { $0["model"] == "all" }.count == 3235)
    }

    @Test("fractions print with fixed decimals")
    func fractions() {
        #expect(BatchCSV.fraction(0) == "0")
        #expect(BatchCSV.fraction(1) == "1")
        #expect(BatchCSV.fraction(0.25) == "0.25")
        #expect(BatchCSV.fraction(0.0000004) == "0")
        #expect(BatchCSV.fraction(0.1234567) == "0.123457")
        #expect(BatchCSV.fraction(0.05, decimals: 2) == "0.05")
    }
}
