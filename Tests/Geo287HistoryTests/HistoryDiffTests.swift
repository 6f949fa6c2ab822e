import Geo287Core
import Geo287Coverage
import Geo287History
import Geo287Jurisdictions
import Geo287Sheets
import Testing

@Suite("Agreement identity and sheet diff")
struct HistoryDiffTests {
    @Test("spelling variants of one agency share one id")
    func identity() {
        let id = "FL|hillsborough county sheriffs office|task-force"
        for name in ["Hillsborough County Sheriff's Office", "Hillsborough County Sheriff\u{2019}s Office",
                     "Hillsborough County Sheriffs Office", " Hillsborough  County\u{00A0}Sheriff's Office "] {
            #expect(AgreementIdentity(state: "FL", agencyName: name, model: .taskForce).id == id)
        }
        #expect(AgreementIdentity(state: "TX", agencyName: "Alice Police Dept.", model: .taskForce)
            == AgreementIdentity(state: "TX", agencyName: "Alice Police Department", model: .taskForce))
        #expect(AgreementIdentity(state: "FL", agencyName: "Miami-Dade Sheriff's Office", model: .warrantService)
            == AgreementIdentity(state: "FL", agencyName: "Miami Dade Sheriff's Office", model: .warrantService))
        // Model and state are part of the identity.
        #expect(AgreementIdentity(state: "FL", agencyName: "A Sheriff's Office", model: .taskForce)
            != AgreementIdentity(state: "FL", agencyName: "A Sheriff's Office", model: .jailEnforcement))
        #expect(AgreementIdentity(state: "FL", agencyName: "A Sheriff's Office", model: .taskForce)
            != AgreementIdentity(state: "GA", agencyName: "A Sheriff's Office", model: .taskForce))
    }

    @Test("a duplicated row keeps an id of its own (Volusia, 2025-08-13)")
    func duplicateRow() throws {
        let sheet = IdentifiedSheet(try HistoryTestData.sheet("participating-2025-08-13.xlsx"))
        #expect(sheet.rows.count == sheet.sheet.agreements.count)
        #expect(sheet.byID.count == sheet.rows.count)
        #expect(sheet.byID["FL|volusia county sheriffs office|task-force#2"] != nil)
    }

    /// Hand-checked against `geo287 agreements --format csv` of both sheets: 956 rows → 1000 rows.
    @Test("diff 2025-08-29 → 2025-09-10 matches the hand-checked example")
    func consecutiveSheets() throws {
        let d = SheetDiff(old: try HistoryTestData.sheet("participating-2025-08-29.xlsx"),
                          new: try HistoryTestData.sheet("participating-2025-09-10.xlsx"))
        let c = d.counts()
        #expect(c.count(.added) == 45 && c.count(.removed) == 1 && c.count(.renewed) == 3)
        // Of the 133 rows that changed otherwise, 74 only filled a pending document link.
        #expect(c.count(.changed) + c.count(.linkFilled) == 133)
        #expect(c.count(.linkFilled) == 74 && c.count(.switched) == 0)
        #expect(d.new.rows - d.old.rows == c.count(.added) - c.count(.removed))
        func entry(_ id: String) -> SheetDiff.Entry? { d.entries.first { $0.id == id } }

        // An addition: Butler County KY signed all three models on 2025-09-09 (rows 462–464).
        #expect(entry("KY|butler county sheriffs office|jail-enforcement")?.kind == .added)
        #expect(entry("KY|butler county sheriffs office|jail-enforcement")?.new?.signed?.description == "2025-09-09")
        // The removal: Pinal County Sheriff's Office, task force (2025-08-28), row 35; its jail
        // model stays, and the task force row of 2025-09-10 names the County Attorney instead.
        let removed = d.entries(.removed)
        #expect(removed.map(\.id) == ["AZ|pinal county sheriffs office|task-force"])
        #expect(entry("AZ|pinal county attorneys office|task-force")?.kind == .added)
        // A renewal: Rooks County KS, warrant service, signed 2025-07-31 → 2025-09-09.
        let rooks = entry("KS|rooks county sheriffs office|warrant-service")
        #expect(rooks?.kind == .renewed)
        let signed = rooks?.changes.first { $0.field == "signed" }
        #expect(signed?.old == "2025-07-31" && signed?.new == "2025-09-09")
        // A spelling variant that is not an addition: `Office of the State Attorney, Sixth Judicial
        // Circuit` (2025-09-10 row 277) is the `… Attorney Sixth …` of 2025-08-29 row 271: same id;
        // what changed is its MOA (`link pending` → the document), not the agreement.
        let sa = entry("FL|office of the state attorney sixth judicial circuit|jail-enforcement")
        #expect(sa?.kind == .linkFilled && sa?.oldID == nil)
        #expect(sa?.changes.map(\.field) == ["moa"])
        #expect(sa?.old?.agencyName == "Office of the State Attorney Sixth Judicial Circuit")
        #expect(sa?.new?.agencyName == "Office of the State Attorney, Sixth Judicial Circuit")
        #expect(!d.entries(.added).contains { $0.agency.hasPrefix("Office of the State Attorney") })
        // Corrected names: one agreement, changed, not removed + added.
        let renamed = d.entries.filter { $0.changes.contains { $0.field == "agency" } }
            .map { "\($0.oldID ?? "") → \($0.id)" }
        #expect(renamed.contains("WY|wyoming highway state patrol|task-force → WY|wyoming state highway patrol|task-force"))
        #expect(renamed.contains("MO|pettis county sheriffs department|jail-enforcement → MO|pettis county sheriffs office|jail-enforcement"))
        #expect(renamed.contains("TX|lampass county sheriffs office|warrant-service → TX|lampasas county sheriffs office|warrant-service"))
        // Counts per model add up to the total.
        #expect(d.modelCounts.reduce(0) { $0 + $1.counts.total } == c.total)
        #expect(d.stateCounts.reduce(0) { $0 + $1.counts.total } == c.total)
    }

    @Test("the two -from-html sheets hold the same agreements; only Wayback times differ")
    func fromHTML() throws {
        let d = SheetDiff(old: try HistoryTestData.sheet("participating-2024-12-01-from-html.xlsx"),
                          new: try HistoryTestData.sheet("participating-2025-01-19-from-html.xlsx"))
        #expect(d.entries.isEmpty)
    }

    @Test("CSV and JSON carry every entry")
    func outputs() throws {
        let d = SheetDiff(old: try HistoryTestData.sheet("participating-2025-08-29.xlsx"),
                          new: try HistoryTestData.sheet("participating-2025-09-10.xlsx"))
        let csv = SheetDiffOutput.csv(d)
        let rows = DelimitedText.rows(csv)
        #expect(rows.filter { $0.first == "agreement" }.count == d.entries.count)
        // The counts too: one row per kind for the total, each model and each state.
        let kinds = SheetDiff.Kind.allCases.count
        #expect(rows.filter { $0.first == "count" }.count == kinds * (1 + d.modelCounts.filter { $0.model != "unknown" }.count + d.stateCounts.count))
        #expect(rows.contains(["count", "removed", "", "", "1"] + Array(repeating: "", count: 19)))
        let json = SheetDiffOutput.json(d).rendered()
        #expect(json.contains("\"removed\": 1"))
        let table = SheetDiffOutput.table(d)
        #expect(table.contains("REMOVED (1)"))
    }
}

/// The people a diff moves, on the last two sheets of the archive (2026-04-30 → 2026-05-18).
@Suite("Diff people delta")
struct DiffPeopleTests {
    static let computed: Result<(SheetDiff, SheetDiffPeople), any Error> = Result {
        let old = try HistoryTestData.sheet("participating-2026-04-30.xlsx"), new = try HistoryTestData.sheet("participating-2026-05-18.xlsx")
        let run = CoverageRun(gazetteer: try Gazetteer.load(HistoryTestData.root))
        let diff = SheetDiff(old: old, new: new)
        return (diff, try SheetDiffPeople(diff: diff, old: try run.matchedSheet(old), new: try run.matchedSheet(new), run: run))
    }

    @Test("task force +100,428 people (130,865,812 → 130,966,240), and the movers add up to every model's change")
    func taskForce() throws {
        let (diff, people) = try Self.computed.get()
        let tf = try #require(people.national("task-force"))
        #expect(tf.before == 130_865_812 && tf.after == 130_966_240 && tf.delta == 100_428)
        for f in History.filters.map(\.description) {
            let national = try #require(people.national(f))
            #expect(people.movers.filter { $0.model == f }.reduce(0) { $0 + $1.delta } == national.delta, "\(f)")
            let states = people.totals.filter { $0.model == f && $0.state != nil }
            #expect(states.reduce(0) { $0 + $1.delta } == national.delta, "\(f)")
        }
        // Oldham County KY sheriff, task force, signed 2026-05-05: its whole county (70,183 people) alone.
        #expect(people.delta(entryID: "KY|oldham county sheriffs office|task-force", model: "task-force") == 70_183)
        // Milton and Sunbury (PA, Northumberland County) were added together: one mover naming both.
        let shared = people.movers.first { $0.model == "task-force" && $0.entryIDs.count == 2 }
        #expect(shared?.state == "PA" && shared?.delta == 16_050 && shared?.counties == 1)
        // Every mover names the agreements that moved it.
        #expect(people.movers.allSatisfy { !$0.entryIDs.isEmpty })
        // 118 rows only filled a pending document link; 3 changed otherwise.
        #expect(diff.counts().count(.linkFilled) == 118 && diff.counts().count(.changed) == 3)
    }

    @Test("--state PA: only Pennsylvania's agreements and people; the CSV carries counts, people and movers")
    func statePA() throws {
        let (whole, people) = try Self.computed.get()
        let d = whole.restricted(to: "PA"), p = people.restricted(to: "PA")
        #expect(!d.entries.isEmpty && d.entries.allSatisfy { $0.state == "PA" })
        #expect(d.counts().count(.added) == 15 && d.counts().count(.removed) == 1)
        #expect(p.totals.count == History.filters.count && p.totals.allSatisfy { $0.state == "PA" })
        #expect(p.state("PA", "task-force")?.delta == 22_627)
        let csv = SheetDiffOutput.csv(d, people: p)
        let rows = DelimitedText.rows(csv)
        #expect(rows.first == SheetDiffOutput.csvHeader)
        #expect(rows.dropFirst().allSatisfy { $0.count == SheetDiffOutput.csvHeader.count })
        #expect(rows.contains(["count", "added", "", "", "15"] + Array(repeating: "", count: 19)))
        #expect(rows.contains { $0[0] == "people" && $0[2] == "PA" && $0[3] == "task-force" && $0[7] == "22627" })
        #expect(rows.filter { $0[0] == "agreement" }.count == d.entries.count)
        let table = SheetDiffOutput.table(d, people: p, state: "PA")
        #expect(table.contains("PEOPLE COVERED IN PA") && table.contains("+22,627"))
        // 16 added or removed in PA, 5 of them in a mover: the other 11 (townships, cities whose
        // county was already covered) are counted, not silently dropped.
        #expect(table.contains("  11 added, removed or switched agreements moved no one:"))
    }
}
