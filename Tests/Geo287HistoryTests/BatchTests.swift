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
        #expect(a.countyRows == sheets * 3 * 3235)
        #expect(a.reusedRows > a.matchedRows)   // most rows repeat between sheets
        let files = [BatchRun.files.counties, BatchRun.files.agreements, BatchRun.files.history, BatchRun.files.manifest]
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
        #expect(panel.contains(",FL|hillsborough county sheriffs office|task-force,FL,task-force,"))
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
