import Geo287Core
@testable import Geo287Jurisdictions
import Geo287Sheets
import Testing

/// `Jurisdiction` keeps its fields in one shared box (copy on write): it must still behave as
/// the plain value it was.
@Suite("Jurisdiction: a value over shared storage")
struct JurisdictionStorageTests {
    static func hillsborough() -> Jurisdiction {
        Jurisdiction(level: .county, geoid: "12057", name: "Hillsborough County, FL", method: .exact, confidence: 1, reason: "COUNTY cell",
                     counties: [CountyShare(countyGEOID: "12057", share: 1, coverage: 1, basis: "county")], stateUSPS: "FL")
    }

    @Test("a copy shares the box until written; writing the copy's counties and notes leaves the original as it was")
    func copyOnWrite() {
        let original = Self.hillsborough()
        var copy = original
        #expect(copy.sharesStorage(with: original))
        copy.counties.append(CountyShare(countyGEOID: "12103", share: 0, coverage: 0, basis: "area"))
        copy.joinNotes.append("estimated")
        copy.confidence = 0.5
        #expect(!copy.sharesStorage(with: original))
        #expect(original.counties.map(\.countyGEOID) == ["12057"] && original.joinNotes.isEmpty && original.confidence == 1)
        #expect(copy.counties.map(\.countyGEOID) == ["12057", "12103"] && copy.joinNotes == ["estimated"] && copy.confidence == 0.5)
        #expect(copy.name == original.name && copy.geoid == "12057" && copy.stateUSPS == "FL")
        #expect(copy != original)
    }

    @Test("jurisdictions made apart with equal fields are equal and hash equal; one field apart, they differ")
    func equalityAndHashing() {
        let a = Self.hillsborough(), b = Self.hillsborough()
        #expect(!a.sharesStorage(with: b) && a == b && a.hashValue == b.hashValue && Set([a, b]).count == 1)
        var c = b
        c.exceptPlaceGEOIDs = ["1271000"]
        #expect(a != c && Set([a, b, c]).count == 2)
        var d = b
        d.kind = .sheriff
        #expect(a != d)
    }
}
