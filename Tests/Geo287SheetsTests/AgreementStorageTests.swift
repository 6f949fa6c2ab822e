import Geo287Core
@testable import Geo287Sheets
import Testing

/// `Agreement` keeps its fields in one shared box (copy on write): it must still behave as the
/// plain value it was, field by field.
@Suite("Agreement: a value over shared storage")
struct AgreementStorageTests {
    static let florida = USState(name: "Florida", usps: "FL", fips: "12")

    static func tampa() -> Agreement {
        Agreement.manual(row: 7, state: florida, agencyName: "Tampa Police Department", agencyType: .municipal,
                         county: "Hillsborough", model: .taskForce, signed: SignedDate(year: 2025, month: 2, day: 26),
                         moaURL: "https://www.ice.gov/doclib/about/offices/ero/287g/moaTampaPD.pdf")
    }

    @Test("a copy shares the box until written; writing one field of the copy leaves the original as it was")
    func copyOnWrite() {
        let original = Self.tampa()
        var copy = original
        #expect(copy.sharesStorage(with: original))
        copy.agencyName = "Tampa Police Dept."
        copy.countyAsPrinted = nil
        copy.row += 1
        #expect(!copy.sharesStorage(with: original))
        #expect(original.agencyName == "Tampa Police Department" && original.countyAsPrinted == "Hillsborough" && original.row == 7)
        #expect(copy.agencyName == "Tampa Police Dept." && copy.countyAsPrinted == nil && copy.row == 8)
        // The other fields came along unchanged.
        #expect(copy.moaURL == original.moaURL && copy.signed == original.signed && copy.state == Self.florida)
        #expect(copy != original)
        // A value written while it is the box's only owner keeps its box.
        var only = Self.tampa()
        let before = only
        only.typeAsPrinted = "Police"
        #expect(!only.sharesStorage(with: before) && before.typeAsPrinted == nil)
    }

    @Test("the row number is kept beside the box: setting it copies nothing, and it still tells agreements apart")
    func rowBesideTheBox() {
        let original = Self.tampa()
        var moved = original
        moved.row = 9
        #expect(moved.sharesStorage(with: original))
        #expect(original.row == 7 && moved.row == 9)
        #expect(moved != original && Set([moved, original]).count == 2)
        moved.row = 7
        #expect(moved == original && moved.hashValue == original.hashValue)
        var renamed = moved
        renamed.agencyName = "Tampa PD"
        #expect(!renamed.sharesStorage(with: original) && renamed.row == 7 && original.agencyName == "Tampa Police Department")
    }

    @Test("agreements made apart with equal fields are equal and hash equal; one field apart, they differ")
    func equalityAndHashing() {
        let a = Self.tampa(), b = Self.tampa()
        #expect(!a.sharesStorage(with: b))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        var c = b
        c.addendumTarget = "addendum.pdf"
        #expect(a != c && Set([a, b, c]).count == 2)
        var d = b
        d.moaPending = true
        #expect(a != d)
    }

    @Test("the newest bundled sheet read twice: every agreement equal to its twin and hashing equal, 1,843 distinct rows")
    func sheetReadTwice() throws {
        let one = try TestData.sheet("participating-2026-05-18.xlsx"), two = try TestData.sheet("participating-2026-05-18.xlsx")
        #expect(one.agreements.count == 1_843 && one.agreements == two.agreements)
        #expect(zip(one.agreements, two.agreements).allSatisfy { $0.hashValue == $1.hashValue && !$0.sharesStorage(with: $1) })
        #expect(Set(one.agreements + two.agreements).count == 1_843)
    }
}
