import Geo287Core
import Testing
@testable import Geo287Sheets

/// `RowKey` (the bytes a row is known by in `AgreementMemo`) and the memo's buckets.
@Suite struct RowKeyTests {
    static func key(context: Int = 0, _ cells: [RawCell?]) -> RowKey {
        var key = RowKey()
        key.start(context: context)
        for cell in cells { key.add(cell) }
        return key
    }

    static func text(_ s: String, link: String? = nil) -> RawCell { RawCell(value: .text(s), link: link) }

    @Test("rows that differ in any byte, in where a text ends, in a value's kind, a hyperlink or the context have other keys")
    func keysTellRowsApart() {
        let base = Self.key([Self.text("AB"), Self.text("C")])
        let others: [RowKey] = [
            Self.key([Self.text("A"), Self.text("BC")]),                   // the same bytes, split elsewhere
            Self.key([Self.text("AB"), Self.text("D")]),
            Self.key([Self.text("AB"), RawCell(value: .number("C"), link: nil)]),
            Self.key([Self.text("AB"), Self.text("C", link: "")]),         // an empty hyperlink is a hyperlink
            Self.key([Self.text("AB"), Self.text("C"), nil]),
            Self.key([Self.text("AB"), RawCell(value: nil, link: "C")]),
            Self.key([Self.text("AB"), nil]),
            Self.key(context: 1, [Self.text("AB"), Self.text("C")]),
            Self.key([Self.text("Caf\u{E9}"), Self.text("C")]),
            Self.key([Self.text("Cafe\u{301}"), Self.text("C")]),
        ]
        for (k, other) in others.enumerated() {
            #expect(!base.matches(other.bytes), "variant \(k) reads as the base row")
            #expect(base.digest != other.digest, "variant \(k) has the base row's digest")
        }
        // Every pair of variants differs too (é precomposed and decomposed included).
        for i in others.indices { for j in others.indices where i < j { #expect(!others[i].matches(others[j].bytes)) } }
        let again = Self.key([Self.text("AB"), Self.text("C")])
        #expect(base.matches(again.bytes) && base.digest == again.digest)
        // A text longer than eight bytes: a change in its last byte changes key and digest.
        let long = Self.key([Self.text("https://www.ice.gov/doclib/287gMOA/moaA.pdf")])
        let longOther = Self.key([Self.text("https://www.ice.gov/doclib/287gMOA/moaB.pdf")])
        #expect(!long.matches(longOther.bytes) && long.digest != longOther.digest)
    }

    static func entry(_ key: RowKey, digest: UInt64, id: Int) -> AgreementMemo.Entry {
        let agreement = Agreement.manual(row: id, state: USState(name: "Florida", usps: "FL", fips: "12"),
                                         agencyName: "Agency \(id)", agencyType: .municipal, county: nil, model: .taskForce)
        return AgreementMemo.Entry(key: key.bytes, digest: digest, agreement: agreement, warnings: [],
                                   duplicateID: id, signedCandidate: nil, signedCheckAt: 0)
    }

    @Test("rows sharing one digest are found by their bytes; a digest keeps at most maxChain rows")
    func collidingDigests() {
        let shard = AgreementMemo.Shard()
        let keys = (0..<(AgreementMemo.Shard.maxChain + 3)).map { Self.key([Self.text("row \($0)")]) }
        // Every entry filed under one digest, as a crafted sheet could arrange.
        for (k, key) in keys.enumerated() { shard.insert(Self.entry(key, digest: 42, id: k)) }
        #expect(shard.count == AgreementMemo.Shard.maxChain)
        for (k, key) in keys.enumerated() {
            let found = shard.entry(key, digest: 42)
            #expect(found?.duplicateID == (k < AgreementMemo.Shard.maxChain ? k : nil), "row \(k)")
            // Under its real digest nothing was filed.
            #expect(shard.entry(key, digest: key.digest) == nil)
        }
    }

    @Test("duplicate keys are numbered in order of first use, once each")
    func duplicateNumbers() {
        var ids = DuplicateIDs()
        #expect([ids.id("FL|a|task-force"), ids.id("FL|b|task-force"), ids.id("FL|a|task-force"), ids.id("FL|a|jail-enforcement")]
            == [0, 1, 0, 2])
        #expect(ids.count == 3)
    }
}
