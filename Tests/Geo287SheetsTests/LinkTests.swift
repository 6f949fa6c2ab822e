import Testing
@testable import Geo287Sheets

@Suite struct LinkTests {
    @Test func normalizer() {
        let safe = "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2FX_TFM_MOA.pdf&data=05%7C02&sdata=abc&reserved=0"
        #expect(LinkNormalizer.normalize(safe) == "https://www.ice.gov/doclib/287gMOA/X_TFM_MOA.pdf")
        #expect(LinkNormalizer.isSafeLink(safe))
        #expect(LinkNormalizer.normalize("https:/www.ice.gov/doclib/287gMOA/CherokeePDAL_TFM_%20MOA_02142026.pdf")
            == "https://www.ice.gov/doclib/287gMOA/CherokeePDAL_TFM_%20MOA_02142026.pdf")
        #expect(LinkNormalizer.normalize("chrome-extension://efaidnbmnnnibpcajpcglclefindmkaj/https:/www.ice.gov/a.pdf")
            == "https://www.ice.gov/a.pdf")
        #expect(LinkNormalizer.normalize("http://www.ice.gov/doclib/287gMOA/a.pdf") == "https://www.ice.gov/doclib/287gMOA/a.pdf")
        #expect(LinkNormalizer.normalize(" https://www.ice.gov/a b.pdf ") == "https://www.ice.gov/a%20b.pdf")
        #expect(LinkNormalizer.normalize("https://example.org/x") == "https://example.org/x")
    }

    /// Counts verified independently from the raw hyperlink targets of each sheet.
    @Test(arguments: [
        // file, MOA hyperlinks, SafeLinks MOA, SafeLinks ADDENDUM, ADDENDUM links, link pending, http://
        ("participating-2025-06-12.xlsx", 453, 28, 0, 0, 242, 10),
        ("participating-2025-06-27.xlsx", 541, 106, 0, 0, 193, 10),
        ("participating-2025-08-13.xlsx", 713, 284, 39, 39, 184, 10),
        ("participating-2026-05-18.xlsx", 1680, 204, 14, 45, 163, 10),
    ])
    func linkCounts(file: String, moa: Int, safeMOA: Int, safeAdd: Int, addenda: Int, pending: Int, http: Int) throws {
        let sheet = try TestData.sheet(file)
        let a = sheet.agreements
        #expect(a.filter { $0.moaURL != nil }.count == moa)
        #expect(a.filter { $0.moaTarget.map(LinkNormalizer.isSafeLink) ?? false }.count == safeMOA)
        #expect(a.filter { $0.addendumTarget.map(LinkNormalizer.isSafeLink) ?? false }.count == safeAdd)
        #expect(a.filter { $0.addendumURL != nil }.count == addenda)
        #expect(a.filter(\.moaPending).count == pending)
        #expect(a.filter { $0.moaTarget?.hasPrefix("http://") ?? false }.count == http)
        // After normalization every document URL is an https ice.gov URL.
        let urls = a.compactMap(\.moaURL) + a.compactMap(\.addendumURL)
        #expect(urls.allSatisfy { $0.hasPrefix("https://www.ice.gov/") }, "\(urls.filter { !$0.hasPrefix("https://www.ice.gov/") })")
        #expect(!urls.contains { $0.contains("safelinks") || $0.contains("%2F") })
    }

    @Test func malformedTargets() throws {
        let march = try TestData.sheet("participating-2026-03-13.xlsx")
        let cherokee = march.agreements.filter { $0.moaTarget?.hasPrefix("https:/www") ?? false }
        #expect(cherokee.count == 1)
        #expect(cherokee.first?.moaURL == "https://www.ice.gov/doclib/287gMOA/CherokeePDAL_TFM_%20MOA_02142026.pdf")
        let august = try TestData.sheet("participating-2025-08-13.xlsx")
        let chrome = august.agreements.filter { $0.moaTarget?.hasPrefix("chrome-extension:") ?? false }
        #expect(chrome.count == 1)
        #expect(chrome.first?.moaURL?.hasPrefix("https://www.ice.gov/") == true)
    }

    @Test func urlTypedIntoTheCell() throws {
        let sheet = try TestData.sheet("participating-2025-05-15.xlsx")
        let uf = try #require(sheet.agreements.first { $0.row == 264 })
        #expect(uf.agencyName == "University of Florida Police Department")
        #expect(uf.moaURL == "https://www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf")
    }

    @Test func linkAddendumCellsWithoutHyperlinkAreWarned() throws {
        let sheet = try TestData.sheet("participating-2025-06-12.xlsx")
        for n in [548, 604, 608] {
            #expect(sheet.agreements.first { $0.row == n }?.moaURL == nil)
            #expect(TestData.warnings(sheet, row: n).contains { $0.column == "MOA" && $0.message.contains("no hyperlink") })
        }
        #expect(sheet.warnings.count == 4)
    }
}
