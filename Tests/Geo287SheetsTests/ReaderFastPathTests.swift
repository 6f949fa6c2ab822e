import Geo287Core
import Testing
@testable import Geo287Sheets

/// The shortcuts the reader takes on the common case (plain digits, already-normal links, cells
/// in column order) give what the general path gives, and malformed XML still ends in the
/// scanner's one-line error, never a crash.
@Suite struct ReaderFastPathTests {
    private func scanner(_ xml: String) -> XMLScanner { XMLScanner(bytes: Array(xml.utf8), path: "t.xlsx", part: "p.xml") }

    private func firstTag(_ xml: String) throws -> (XMLScanner, XMLTag)? {
        var s = scanner(xml)
        guard case .start(let tag)? = try s.next() else { return nil }
        return (s, tag)
    }

    private func error(_ xml: String) -> String {
        var s = scanner(xml)
        do {
            while try s.next() != nil {}
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func attributesAreReadInOneWalkAsBefore() throws {
        let (s, tag) = try #require(try firstTag("<x:c r=\"B7\" s='3' t=\"s\" x:t=\"inlineStr\"/>"))
        #expect(s.isNamed(tag.name, "c"))
        #expect(!s.isNamed(tag.name, "x"))
        #expect(try s.attribute("r", of: tag) == "B7")
        #expect(try s.attribute("s", of: tag) == "3")
        #expect(try s.attribute("t", of: tag) == "s")        // the first `t`, prefix ignored
        #expect(tag.selfClosing)
        var names: [String] = []
        s.forEachAttribute(of: tag) { name, _ in
            names.append(String(decoding: s.bytes[name], as: UTF8.self))
            return true
        }
        #expect(names == ["r", "s", "t", "x:t"])
        // An unquoted value: the name takes the next quoted value, and a quote-less tail ends the walk.
        let (u, bare) = try #require(try firstTag("<c r=A1 t=\"s\">"))
        #expect(try u.attribute("r", of: bare) == "s")
        #expect(try u.attribute("t", of: bare) == nil)
        let (v, none) = try #require(try firstTag("<c r=A1>"))
        #expect(v.attributeRange("r", of: none) == nil)
        // A quoted `>` does not end the tag; a value whose quote never closes runs to the tag's end.
        let (w, quoted) = try #require(try firstTag("<a b='x>y' c=\"1\"><z/></a>"))
        #expect(try w.attribute("b", of: quoted) == "x>y" && w.attribute("c", of: quoted) == "1")
        let unclosed = "<a b=\"1\" c='2\"></a>"
        #expect(error(unclosed) == "t.xlsx: p.xml: unterminated tag at byte 0")
        let o = scanner(unclosed), open = XMLTag(name: 1..<2, attributes: 2..<19, selfClosing: false)
        #expect(try o.attribute("b", of: open) == "1" && o.attribute("c", of: open) == "2\"></a>")
    }

    @Test func namesMatchTheirLocalPartOnly() throws {
        let s = scanner("rPh:t a:b:row xrow row: t")
        #expect(s.isNamed(0..<5, "t"))          // rPh:t
        #expect(!s.isNamed(0..<5, "rPh"))
        #expect(s.isNamed(6..<13, "row"))       // a:b:row
        #expect(!s.isNamed(14..<18, "row"))     // xrow
        #expect(!s.isNamed(19..<23, "row"))     // row:
        #expect(s.isNamed(24..<25, "t"))
        #expect(!s.isNamed(24..<99, "t"))       // past the end: no match, no trap
        #expect(s.sameBytes(0..<3, 0..<3))
        #expect(!s.sameBytes(0..<3, 6..<9))
        #expect(!s.sameBytes(0..<3, 97..<100))
    }

    @Test func malformedMarkupEndsInTheScannersError() {
        #expect(error("<row r=\"1\"><c r=\"A1\"") == "t.xlsx: p.xml: unterminated tag at byte 11")
        #expect(error("<row r=\"1\"><c r=\"A1>") == "t.xlsx: p.xml: unterminated tag at byte 11")   // quote never closed
        #expect(error("<row r=\"1\"></row") == "t.xlsx: p.xml: unterminated end tag at byte 13")
        #expect(error("<row>") == "t.xlsx: p.xml: the document is truncated (it ends inside 1 open element, at byte 5)")
        #expect(error("<") == "t.xlsx: p.xml: truncated markup at byte 0")
        #expect(error("<a>x &amp</a>") == "no error")   // text is decoded only when asked
        var s = scanner("<a>x &amp")
        _ = try? s.next()
        if case .text(let range)? = try? s.next() {
            #expect(throws: DataError.self) { try s.text(range) }       // an entity cut off at the end
        } else {
            Issue.record("no text token")
        }
    }

    @Test func rowNumbersFromDigitsOrTheirText() throws {
        let s = scanner("12 0012 1048576 1048577 12a  7 ")
        #expect(try WorksheetParser.rowNumber(0..<2, previous: 0, scanner: s) == 12)
        #expect(try WorksheetParser.rowNumber(3..<7, previous: 0, scanner: s) == 12)
        #expect(try WorksheetParser.rowNumber(8..<15, previous: 0, scanner: s) == 1_048_576)
        #expect(try WorksheetParser.rowNumber(nil, previous: 41, scanner: s) == 42)
        for bad in [16..<23, 24..<27, 27..<27, 28..<31] {
            do {
                _ = try WorksheetParser.rowNumber(bad, previous: 0, scanner: s)
                Issue.record("row \(bad) accepted")
            } catch {
                #expect("\(error)".contains("is not a row of a worksheet (1 to 1048576)"))
            }
        }
    }

    @Test func hyperlinkRangesKeepTheFirstTwoCellReferences() {
        #expect(WorksheetParser.rangeEnds("B7").first?.column == 1)
        #expect(WorksheetParser.rangeEnds("B7").last.row == 7)
        let range = WorksheetParser.rangeEnds("A1:C9")
        #expect(range.first?.row == 1 && range.last.column == 2 && range.last.row == 9)
        let skipping = WorksheetParser.rangeEnds("x!::A2:bad:D4:E5")
        #expect(skipping.first?.row == 2 && skipping.last.column == 3 && skipping.last.row == 4)
        #expect(WorksheetParser.rangeEnds(":").first == nil)
        #expect(WorksheetParser.rangeEnds("").first == nil)
    }

    @Test func cellsKeepADictionarysMeaning() {
        var cells = RawCells()
        cells[4] = RawCell(value: .text("e"), link: nil)
        cells[1] = RawCell(value: .text("b"), link: nil)
        cells[9] = RawCell(value: .text("j"), link: nil)
        cells[1] = RawCell(value: .text("B"), link: nil)     // the last one set wins
        cells[6, default: RawCell(value: nil, link: nil)].link = "https://x"
        #expect(cells.keys == [1, 4, 6, 9])
        #expect(cells[1]?.value == .text("B"))
        #expect(cells[6]?.link == "https://x" && cells[6]?.value == nil)
        #expect(cells[5] == nil)
        cells[4] = nil
        #expect(cells.keys == [1, 6, 9] && cells.count == 3)
        let fromPairs = RawCells([(2, RawCell(value: .number("1"), link: nil)), (0, RawCell(value: .number("2"), link: nil)),
                                  (2, RawCell(value: .number("3"), link: nil))])
        #expect(fromPairs.map(\.key) == [0, 2] && fromPairs[2]?.value == .number("3"))
    }

    @Test func linksTakeTheShortcutOnlyWhenNothingWouldChange() {
        let plain = "https://www.ice.gov/doclib/287gMOA/TyePoliceDeptTX_TFM_MOA_02172026.pdf"
        #expect(LinkNormalizer.isAlreadyNormal(plain) && LinkNormalizer.normalize(plain) == plain)
        #expect(LinkNormalizer.isAlreadyNormal("HTTPS://www.ice.gov/a.pdf"))
        let safe = "https://NAM10.SafeLinks.Protection.Outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fa.pdf&data=x"
        #expect(!LinkNormalizer.isAlreadyNormal(safe))
        #expect(LinkNormalizer.normalize(safe) == "https://www.ice.gov/a.pdf")
        for changed in ["https://www.ice.gov/a b.pdf", "https://www.ice.gov/a.pdf\u{00A0}", "https://www.ice.gov/a.pdf ",
                        "http://www.ice.gov/a.pdf", "https:/www.ice.gov/a.pdf", "https://", " https://www.ice.gov/a.pdf"] {
            #expect(!LinkNormalizer.isAlreadyNormal(changed), "\(changed)")
        }
        #expect(LinkNormalizer.normalize("https://www.ice.gov/a.pdf\u{00A0}") == "https://www.ice.gov/a.pdf")
        #expect(LinkNormalizer.hasSuffixIgnoringCase("a.OUTLOOK.com", "outlook.com"))
        #expect(!LinkNormalizer.hasSuffixIgnoringCase("com", "outlook.com"))
    }

    @Test func datesPrintPadded() {
        #expect(SignedDate(year: 1, month: 2, day: 3)?.description == "0001-02-03")
        #expect(SignedDate(year: 2026, month: 5, day: 18)?.description == "2026-05-18")
        #expect(SignedDate(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
        #expect(Text.trim("a b") == "a b" && Text.trim(" a\u{00A0}") == "a" && Text.trim("\u{00A0}") == "")
        #expect(Text.trim(" \tCounty \r\n") == "County" && Text.trim("  ") == "" && Text.trim("\n\u{00A0} x ") == "x")
        #expect(Text.trim(" Do\u{00F1}a ") == "Do\u{00F1}a" && Text.trim(" \u{00F1} ") == "\u{00F1}")
    }
}
