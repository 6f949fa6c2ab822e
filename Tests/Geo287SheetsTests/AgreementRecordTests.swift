import Foundation
import Geo287Core
@testable import Geo287Sheets
import Testing

/// A sheet entry of the derived cache holds each agreement as a record (`Agreement.record()`):
/// every field comes back as it was, the same fields give the same bytes, and a damaged record
/// is an error, never a crash or a wrong agreement.
@Suite("Agreement records")
struct AgreementRecordTests {
    static func full() -> Agreement {
        Agreement(kind: .pending, row: 12, stateAsPrinted: " Fla. ", state: USState(name: "Florida", usps: "FL", fips: "12"),
                  agencyName: "Niña County Sheriff's Office", agencyKey: "nina county sheriffs office", typeAsPrinted: "County",
                  agencyType: .county, countyAsPrinted: "Niña", modelAsPrinted: "Task Force Model", model: .taskForce,
                  signed: SignedDate(year: 2025, month: 2, day: 26), signedAsPrinted: "2/26/2025",
                  moaURL: "https://www.ice.gov/doclib/287gMOA/287gTFM_NinaCountySO_2025-02-26.pdf", moaPending: true,
                  addendumURL: "https://example.org/a", moaTarget: "moa.pdf", addendumTarget: "addendum.pdf")
    }

    static func bare() -> Agreement {
        Agreement(kind: .participating, row: 3, stateAsPrinted: "", agencyName: "", agencyKey: "", agencyType: .unknown,
                  modelAsPrinted: "", moaPending: false)
    }

    @Test("every field, present or absent, comes back from the record; the row is the one given")
    func roundTrip() throws {
        for a in [Self.full(), Self.bare()] {
            let record = a.record()
            var back = try record.withUnsafeBytes { try Agreement(record: $0, row: 99) }
            #expect(back.row == 99)
            back.row = a.row
            #expect(back == a)
        }
        // Canonically equivalent spellings are different bytes, and keep them.
        var decomposed = Self.full()
        decomposed.agencyName = "Nin\u{0303}a County Sheriff's Office"
        #expect(decomposed.record() != Self.full().record())
        let back = try decomposed.record().withUnsafeBytes { try Agreement(record: $0, row: 12) }
        #expect(Array(back.agencyName.utf8) == Array(decomposed.agencyName.utf8))
    }

    @Test("the same fields on another row give the same record")
    func rowIsNotInTheRecord() {
        var moved = Self.full()
        moved.row = 500
        #expect(moved.record() == Self.full().record())
    }

    @Test("every truncation of a record, a bad kind and trailing bytes are errors")
    func damagedRecords() {
        let record = Self.full().record()
        for n in 0..<record.count {
            #expect(throws: BinaryReader.Damaged.self) { try Array(record[0..<n]).withUnsafeBytes { try Agreement(record: $0, row: 1) } }
        }
        #expect(throws: BinaryReader.Damaged.self) { try (record + [0]).withUnsafeBytes { try Agreement(record: $0, row: 1) } }
        var badKind = record
        badKind[2] = UInt8(ascii: "X")   // after the mask byte and the kind's length: "pending" -> "Xending"
        #expect(throws: BinaryReader.Damaged.self) { try badKind.withUnsafeBytes { try Agreement(record: $0, row: 1) } }
    }

    @Test("decoded with the read's memo, a row met before shares that row's storage; without it, no row does")
    func decodeSharesRepeatedRows() throws {
        let sheet = Sheet(path: "p.xlsx", kind: .participating, published: nil, publishedTimestamp: nil,
                          agreements: [Self.full(), Self.bare()], warnings: [])
        var w = BinaryWriter()
        sheet.encode(to: &w)
        let memo = AgreementMemo()
        var r1 = BinaryReader(w.bytes), r2 = BinaryReader(w.bytes), r3 = BinaryReader(w.bytes)
        let one = try Sheet.decode(from: &r1, memo: memo), two = try Sheet.decode(from: &r2, memo: memo)
        let plain = try Sheet.decode(from: &r3)
        #expect(one.agreements == sheet.agreements && two.agreements == sheet.agreements && plain.agreements == sheet.agreements)
        #expect(zip(one.agreements, two.agreements).allSatisfy { $0.sharesStorage(with: $1) })
        #expect(!zip(one.agreements, plain.agreements).contains { $0.sharesStorage(with: $1) })
    }
}
