import Geo287History
import Geo287Sheets
import Testing

/// Agreement lifetimes over the bundled archive (34 participating sheets, 2024-12-01 to
/// 2026-05-18); every fact below was checked in `geo287 agreements --format csv` of the sheets.
@Suite("Agreement lifetimes and stable identity")
struct LineageTests {
    static func life(_ id: String) throws -> AgreementLineages.Lifetime {
        try #require(try HistoryFixture.lineages().lifetimes[id], "\(id)")
    }

    @Test("Virginia State Police task force: first seen 2025-03-17, last seen 2026-01-26, ended")
    func virginiaStatePolice() throws {
        let l = try HistoryFixture.lineages()
        let va = try Self.life("VA|virginia department of state police|task-force")
        #expect(va.firstSigned?.description == "2025-02-28")
        #expect(l.firstSeen(va) == "2025-03-17")
        #expect(l.lastSeen(va) == "2026-01-26")
        #expect(l.status(va) == .ended)
        #expect(va.gaps.isEmpty)
        #expect(va.last.jurisdiction.level == .state && va.last.jurisdiction.reach.countsResidents)
    }

    @Test("an agreement absent from some sheets and back is one agreement with its gap named")
    func gaps() throws {
        let l = try HistoryFixture.lineages()
        // Franklin County AL task force (signed 2025-03-25) is missing from six sheets.
        let franklin = try Self.life("AL|franklin county sheriffs office|task-force")
        #expect(franklin.gaps == ["2025-08-13", "2025-08-29", "2025-09-10", "2025-09-25", "2025-10-09", "2025-10-22"])
        #expect(l.firstSeen(franklin) == "2025-03-31" && l.lastSeen(franklin) == "2026-05-18")
        #expect(l.status(franklin) != .ended)
        let stowe = try Self.life("PA|stowe township police department|task-force")
        #expect(stowe.gaps == ["2025-12-05"])
        // No second agreement was started for either.
        #expect(!l.lifetimes.keys.contains { $0.hasPrefix("AL|franklin county sheriffs office|task-force@") })
        // Not a gap: from 2025-05-28 to 2025-07-11 ICE printed `Indiatlantic` (same signed date),
        // a corrected name, so the exact-name gap of four sheets is one continuous agreement.
        let indialantic = try Self.life("FL|indialantic police department|task-force")
        #expect(indialantic.gaps.isEmpty)
        #expect(indialantic.names == ["Indialantic Police Department", "Indiatlantic Police Department"])
        #expect(l.firstSeen(indialantic) == "2025-05-15" && l.lastSeen(indialantic) == "2026-05-18")
        // Every gap lies strictly between the first and last sheet, and is a sheet it is not on.
        for life in l.lifetimes.values {
            for g in life.gaps {
                #expect(g > l.firstSeen(life) && g < l.lastSeen(life), "\(life.agreementID) \(g)")
                #expect(!life.sheets.map { l.sheetDates[$0] }.contains(g))
            }
        }
    }

    @Test("a model switch keeps the agency: Person County NC jail enforcement → warrant service on 2026-04-13")
    func modelSwitch() throws {
        let l = try HistoryFixture.lineages()
        let jem = try Self.life("NC|person county sheriffs office|jail-enforcement")
        let wso = try Self.life("NC|person county sheriffs office|warrant-service")
        #expect(l.lastSeen(jem) == "2026-03-31" && l.status(jem) == .ended)
        #expect(jem.switchedTo == wso.agreementID && wso.switchedFrom == jem.agreementID)
        #expect(l.firstSeen(wso) == "2026-04-13")
        #expect(jem.agencyID == wso.agencyID && jem.agencyID == "NC|person county sheriffs office")
        // Bradley County TN switched too (2025-10-22) and signed jail enforcement again on
        // 2025-12-09: the jail agreement is one agreement with a gap, not two.
        let bradley = try Self.life("TN|bradley county sheriffs office|jail-enforcement")
        #expect(bradley.switchedTo == "TN|bradley county sheriffs office|warrant-service")
        #expect(bradley.gaps == ["2025-10-22", "2025-11-07", "2025-11-21", "2025-12-05"])
        #expect(bradley.renewed && l.status(bradley) == .renewed)
    }

    @Test("a corrected name continues the agreement: Lampass → Lampasas County, TX")
    func rename() throws {
        let l = try HistoryFixture.lineages()
        let renamed = l.lifetimes.values.filter { $0.names.contains("Lampass County Sheriff's Office") }
        #expect(renamed.count == 1)
        let life = try #require(renamed.first)
        #expect(life.names.contains("Lampasas County Sheriff's Office"))
        #expect(life.agreementID == "TX|lampass county sheriffs office|warrant-service")
        #expect(life.lastID == "TX|lampasas county sheriffs office|warrant-service")
        #expect(l.lifetimes["TX|lampasas county sheriffs office|warrant-service"] == nil)
        #expect(life.agencyID == "TX|lampass county sheriffs office")
    }
}
