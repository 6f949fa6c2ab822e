import Foundation
import Geo287Core
import Geo287Sheets
import Geo287TestSupport
import Testing

/// The one rule that pairs a participating sheet with the pending sheet ICE listed beside it,
/// on old sheets as well as the newest (the ICE archive README says which pair was online).
@Suite struct PendingPairingTests {
    static let catalog = Result { try SheetCatalog(root: DataRoot(url: URL(fileURLWithPath: TestData.root), source: .environment)) }

    @Test(arguments: [
        ("participating-2025-03-01.xlsx", "pending-2025-03-01.xlsx"),   // published 02-26, pending saved 02-20: newest before
        ("participating-2025-05-15.xlsx", "pending-2025-05-14.xlsx"),   // saved the evening before
        ("participating-2025-06-12.xlsx", "pending-2025-06-13.xlsx"),   // saved the day after, listed together
        ("participating-2025-12-31.xlsx", "pending-2025-12-31.xlsx"),   // published 12-30, pending 12-31
        ("participating-2026-05-18.xlsx", "pending-2026-02-27.xlsx"),   // ICE kept listing the February list
    ])
    func archivePairs(participating: String, pending: String) throws {
        let sheet = try TestData.sheet(participating)
        #expect(try Self.catalog.get().pendingSheet(for: sheet)?.fileName == pending)
    }

    @Test func noPendingListBeforeMarch2025() throws {
        #expect(try Self.catalog.get().pendingSheet(for: try TestData.sheet("participating-2025-01-19-from-html.xlsx")) == nil)
    }

    @Test func nearestWithinTwoDaysElseNewestBefore() throws {
        let d = { (s: String) in try #require(SignedDate(iso: s)) }
        let candidates = [("a", try d("2025-06-01")), ("b", try d("2025-06-10")), ("c", try d("2025-06-13"))]
        #expect(PendingPairing.pick(for: try d("2025-06-12"), among: candidates) == "c")   // 1 day after beats 2 before
        #expect(PendingPairing.pick(for: try d("2025-06-11"), among: candidates) == "b")   // tie at 1 day: the earlier
        #expect(PendingPairing.pick(for: try d("2025-06-07"), among: candidates) == "a")   // none within 2 days: newest before
        #expect(PendingPairing.pick(for: try d("2025-05-01"), among: candidates) == nil)
    }

    @Test func thousandsKeepTheSignOutsideTheGroups() {
        #expect(NumberText.grouped(0) == "0" && NumberText.grouped(999) == "999" && NumberText.grouped(1000) == "1,000")
        #expect(NumberText.grouped(-123) == "-123" && NumberText.grouped(-1234) == "-1,234")
        #expect(NumberText.grouped(130_091_839) == "130,091,839")
    }

    @Test func tinySharesAreNotZeroPercent() {
        #expect(NumberText.percent(0.388432) == "38.8%" && NumberText.percent(1) == "100%" && NumberText.percent(0) == "0%")
        #expect(NumberText.percent(0.0004) == "<0.1%" && NumberText.percent(0.0006) == "0.1%")
        #expect(NumberText.percent(0.00004, decimals: 2) == "<0.01%")
    }
}
