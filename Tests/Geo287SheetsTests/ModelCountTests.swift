import Testing
@testable import Geo287Sheets

/// Per-model counts (agreements, distinct agencies by state + agency key, distinct states),
/// verified independently with a separate zipfile/ElementTree script over the same files.
@Suite struct ModelCountTests {
    typealias Counts = (jem: [Int], wso: [Int], tfm: [Int])

    static let pinned: [(file: String, counts: Counts)] = [
        ("participating-2025-06-12.xlsx", ([109, 109, 27], [251, 251, 33], [338, 338, 30])),
        ("participating-2025-06-27.xlsx", ([111, 111, 27], [266, 266, 34], [360, 360, 30])),
        ("pending-2025-06-13.xlsx", ([8, 8, 6], [18, 18, 10], [39, 39, 14])),
        ("participating-2025-08-13.xlsx", ([122, 122, 27], [331, 331, 35], [444, 443, 31])),
        ("participating-2026-05-18.xlsx", ([182, 182, 32], [499, 499, 34], [1162, 1162, 34])),
        ("participating-2024-12-01-from-html.xlsx", ([60, 60, 16], [75, 75, 11], [0, 0, 0])),
    ]

    @Test(arguments: 0..<pinned.count)
    func perModelCounts(index: Int) throws {
        let (file, counts) = Self.pinned[index]
        let summary = SheetSummary(try TestData.sheet(file))
        func triple(_ m: SupportModel) -> [Int] {
            summary.model(m).map { [$0.agreements, $0.agencies, $0.states] } ?? []
        }
        #expect(triple(.jailEnforcement) == counts.jem, "\(file)")
        #expect(triple(.warrantService) == counts.wso, "\(file)")
        #expect(triple(.taskForce) == counts.tfm, "\(file)")
        #expect(summary.models.map(\.model) == SupportModel.allCases)
    }

    @Test func perStateCounts() throws {
        func counts(_ file: String, _ state: String) throws -> [Int] {
            let s = SheetSummary(try TestData.sheet(file))
            let row = s.states.first { $0.state == state }
            return SupportModel.allCases.map { row?.count($0) ?? -1 }
        }
        #expect(try counts("participating-2025-06-12.xlsx", "FL") == [6, 65, 210])
        #expect(try counts("participating-2025-06-12.xlsx", "TX") == [34, 44, 19])
        #expect(try counts("participating-2025-06-12.xlsx", "NH") == [0, 0, 11])
        #expect(try counts("participating-2025-06-27.xlsx", "FL") == [6, 65, 218])
        #expect(try counts("participating-2025-06-27.xlsx", "TX") == [34, 49, 21])
        #expect(try counts("participating-2026-05-18.xlsx", "FL") == [9, 65, 274])
        #expect(try counts("participating-2026-05-18.xlsx", "TX") == [52, 141, 194])
        #expect(try counts("participating-2026-05-18.xlsx", "PA") == [1, 3, 98])
        #expect(try counts("participating-2026-05-18.xlsx", "GU") == [0, 0, 1])
        #expect(try counts("participating-2026-05-18.xlsx", "MP") == [1, 0, 1])
        for file in ["participating-2025-06-12.xlsx", "participating-2025-06-27.xlsx", "participating-2026-05-18.xlsx"] {
            #expect(SheetSummary(try TestData.sheet(file)).states.count == 40, "\(file)")
        }
    }

    @Test func duplicateRowIsWarned() throws {
        // 2025-08-13 lists Volusia County Sheriff's Office (FL) Task Force Model twice (rows 359, 360).
        let sheet = try TestData.sheet("participating-2025-08-13.xlsx")
        #expect(TestData.warnings(sheet, row: 360).contains { $0.message.contains("row 359") })
    }

    @Test func summaryJSONShape() throws {
        let json = SheetSummary(try TestData.sheet("participating-2025-06-12.xlsx")).json.rendered(pretty: false)
        #expect(json.hasPrefix(#"{"sheet":{"path":""#))
        #expect(json.contains(#""kind":"participating","published":"2025-06-12","rows":698},"models":[{"model":"jail-enforcement","agreements":109,"agencies":109,"states":27}"#))
        #expect(json.contains(#"{"state":"FL","jail_enforcement":6,"warrant_service":65,"task_force":210}"#))
        #expect(json.contains(#""warnings":["row 548, MOA: "#))
    }
}
