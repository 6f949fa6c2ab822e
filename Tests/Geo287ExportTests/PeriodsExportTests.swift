import Foundation
@testable import Geo287Export
import Geo287TestSupport
import Testing

/// The periods layer on the real sheets: the facts a researcher joins by, and the bytes.
@Suite struct PeriodsExportTests {
    let fixture: ExportFixture
    init() throws { fixture = try ExportFixture.shared.get() }

    var periods: [JurisdictionPeriods.Period] { fixture.layers.periods }

    @Test func virginiaStatePoliceEndsAfterTheJanuary26Sheet() throws {
        let va = periods.filter { $0.agreementID == "VA|virginia department of state police|task-force" }
        #expect(va.count == 1)
        let p = try #require(va.first)
        #expect(p.matched.agreement.signed?.description == "2025-02-28")
        #expect(p.validFrom == "2025-03-17")
        #expect(p.lastSeen == "2026-01-26")
        #expect(p.absentFrom == "2026-02-11")
        #expect(!p.isOpen)
        #expect(p.matched.jurisdiction.level == .state && p.matched.jurisdiction.geoid == "51")
    }

    @Test func anAgreementAbsentAndBackHasTwoPeriods() {
        // Franklin County Sheriff's Office, AL, task force: missing from six sheets, 2025-08-13 to 2025-10-22.
        let franklin = periods.filter { $0.agreementID == "AL|franklin county sheriffs office|task-force" }
        #expect(franklin.map(\.absentFrom) == ["2025-08-13", nil])
        #expect(franklin.last?.validFrom == "2025-11-07")
    }

    @Test func openEndedPeriodsAreTheNewestSheet() {
        #expect(fixture.layers.sheetDates.last == "2026-05-18")
        #expect(periods.filter(\.isOpen).count == 1843)
        // Every period ends where the sheets say: a closed one is absent from the sheet after its last.
        for p in periods where !p.isOpen {
            #expect(fixture.layers.sheetDates.firstIndex(of: p.lastSeen).map { fixture.layers.sheetDates[$0 + 1] } == p.absentFrom)
        }
    }

    @Test func countyPanelIsBalanced() throws {
        let panel = try #require(fixture.layers.tables.first { $0.name == "county_panel" })
        let counties = try #require(fixture.layers.tables.first { $0.name == "counties" })
        #expect(panel.rows == fixture.layers.sheetDates.count * counties.rows)
        let csv = try #require(fixture.files["county_panel.csv"])
        #expect(String(decoding: csv.prefix(200), as: UTF8.self).hasPrefix("published,county_geoid,county,state,population,jail_enforcement,"))
    }

    @Test func sameLayersSameBytes() throws {
        let again = try PeriodsExport(root: ReferenceData.root, folder: "").files(fixture.layers, format: .both)
        #expect(again.count == fixture.files.count)
        for f in again { #expect(fixture.files[f.name] == f.data, "\(f.name) differs between two writes") }
    }
}

/// docs/codebook.md documents every column of every exported table, in the table's own section.
@Suite struct ExportCodebookTests {
    @Test func everyExportedColumnIsInTheCodebook() throws {
        let fixture = try ExportFixture.shared.get()
        let text = try String(contentsOf: ReferenceData.repository.appendingPathComponent("docs/codebook.md"), encoding: .utf8)
        for table in fixture.layers.tables {
            let heading = "## `\(table.name).parquet`"
            let body = try #require(text.components(separatedBy: heading).dropFirst().first?.components(separatedBy: "\n## ").first,
                                    "no section \(heading)")
            let names = table.columns.map(\.name) + (table.geometry == nil ? [] : ["geometry"])
            let missing = names.filter { !body.contains("`\($0)`") }
            #expect(missing.isEmpty, "\(table.name): not in docs/codebook.md: \(missing)")
        }
    }
}
