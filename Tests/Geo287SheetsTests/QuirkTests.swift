import Geo287Core
import Testing
@testable import Geo287Sheets

/// The quirks listed in shared/data/ice/README.md, checked row by row.
@Suite struct QuirkTests {
    func row(_ sheet: Sheet, _ n: Int) throws -> Agreement {
        try #require(sheet.agreements.first { $0.row == n }, "\(sheet.fileName) has no row \(n)")
    }

    @Test func campbellCountyMalformedDate() throws {
        let sheet = try TestData.sheet("participating-2025-06-12.xlsx")
        let a = try row(sheet, 654)
        #expect(a.agencyName == "Campbell County Sheriff's Office")
        #expect(a.state?.usps == "VA")
        #expect(a.signed?.description == "2025-05-08")
        #expect(a.signedAsPrinted == "05/082025")
        #expect(a.moaPending)
        #expect(TestData.warnings(sheet, row: 654).contains { $0.column == "SIGNED" && $0.message.contains("05/082025") })
    }

    @Test func july2025DateTypos() throws {
        let sheet = try TestData.sheet("participating-2025-07-11.xlsx")
        for n in [728, 748] {
            let a = try row(sheet, n)
            #expect(a.signed?.description == "2025-07-07")
            #expect(a.signedAsPrinted == "7/72025")
            #expect(TestData.warnings(sheet, row: n).contains { $0.message.contains("7/72025") })
        }
        #expect(try row(sheet, 728).agencyName.hasPrefix("Terry County"))
        // Grundy County TN: a real date with the year 5025 is never taken silently.
        let grundy = try row(sheet, 615)
        #expect(grundy.agencyName.hasPrefix("Grundy County"))
        #expect(grundy.signed == nil)
        #expect(grundy.signedAsPrinted == "5025-07-07")
        #expect(TestData.warnings(sheet, row: 615).contains { $0.column == "SIGNED" && $0.message.contains("5025-07-07") })
    }

    @Test func guamKattanDistrict() throws {
        let sheet = try TestData.sheet("participating-2025-09-25.xlsx")
        let a = try row(sheet, 432)
        #expect(a.state == USState.usps("GU"))
        #expect(a.state?.fips == "66")
        #expect(a.countyAsPrinted == "Kattan District")
        #expect(a.agencyName == "Office Of The Attorney General")
        #expect(a.agencyType == .state)
        #expect(a.typeAsPrinted == "State")
    }

    @Test func misspelledStates() throws {
        let pending = try TestData.sheet("pending-2025-08-13.xlsx")
        let wv = try row(pending, 36)
        #expect(wv.stateAsPrinted == "WEST VIRIGINIA")
        #expect(wv.state?.usps == "WV")
        let aug = try TestData.sheet("participating-2025-08-29.xlsx")
        #expect(aug.agreements.filter { $0.stateAsPrinted == "WEST VIRIGINIA" }.map(\.row) == [926, 927, 929])
        #expect(aug.agreements.filter { $0.stateAsPrinted == "WEST VIRIGINIA" }.allSatisfy { $0.state?.usps == "WV" })
        let utah = try row(try TestData.sheet("participating-2025-07-25.xlsx"), 802)
        #expect(utah.stateAsPrinted == "UTAh" && utah.state?.usps == "UT")
        let feb = try TestData.sheet("participating-2026-02-27.xlsx")
        let penn = feb.agreements.filter { $0.stateAsPrinted == "PENNSLYVANIA" }
        #expect(penn.count == 68)
        #expect(penn.allSatisfy { $0.state?.usps == "PA" })
    }

    @Test func hiddenRowsAreData() throws {
        let june = try TestData.sheet("pending-2025-06-13.xlsx")
        let hidden = [2, 7, 8, 27, 29, 30, 31, 32, 35, 37, 38, 40, 42, 43, 46, 52, 53, 54, 55, 56, 57, 58, 59, 60, 62, 65]
        let rows = Set(june.agreements.map(\.row))
        #expect(hidden.allSatisfy(rows.contains))
        #expect(june.rows == 65)
        let october = try TestData.sheet("pending-2025-10-22.xlsx")
        #expect([8, 9, 10, 11].allSatisfy(Set(october.agreements.map(\.row)).contains))
    }

    @Test func emptyRowInsideTheData() throws {
        let sheet = try TestData.sheet("participating-2025-09-25.xlsx")
        let rows = Set(sheet.agreements.map(\.row))
        #expect(!rows.contains(558))
        #expect(rows.contains(557) && rows.contains(559))
        #expect(sheet.agreements.last?.row == 1037)
    }

    @Test func typeNAandCountyNA() throws {
        let sheet = try TestData.sheet("participating-2025-07-25.xlsx")
        let a = try row(sheet, 103)
        #expect(a.agencyName == "Criminal Investigation Division, Department of Financial Services")
        #expect(a.typeAsPrinted == "#NA")
        #expect(a.agencyType == .unknown)
        #expect(a.countyAsPrinted == nil)
        #expect(TestData.warnings(sheet, row: 103).contains { $0.column == "TYPE" })
    }

    @Test func countyPlaceholders() throws {
        // 2025-06-12: 210 `#N/A` error cells plus one text `N/A` (Iowa Department of Public Safety).
        let june = try TestData.sheet("participating-2025-06-12.xlsx")
        #expect(june.agreements.filter { $0.countyAsPrinted == nil }.count == 211)
        #expect(june.agreements.allSatisfy { $0.countyAsPrinted.map { $0 == Text.trim($0) && !$0.isEmpty } ?? true })
        let shenandoah = try row(try TestData.sheet("participating-2026-05-18.xlsx"), 1180)
        #expect(shenandoah.countyAsPrinted == "Schuylkill County")
        let greene = try row(try TestData.sheet("pending-2025-07-11.xlsx"), 22)
        #expect(greene.countyAsPrinted == nil)
        #expect(greene.model == .taskForce && greene.modelAsPrinted == "Task Force Model")
        let pending0317 = try TestData.sheet("pending-2025-03-17.xlsx")
        #expect(!pending0317.agreements.contains { $0.countyAsPrinted == "N/A" })
    }

    @Test func hampshireCountyEmptySignedAndMOA() throws {
        let sheet = try TestData.sheet("participating-2025-12-05.xlsx")
        let a = try row(sheet, 1163)
        #expect(a.agencyName.hasPrefix("Hampshire County"))
        #expect(a.signed == nil && a.moaURL == nil && !a.moaPending)
        let columns = TestData.warnings(sheet, row: 1163).compactMap(\.column)
        #expect(columns.contains("SIGNED") && columns.contains("MOA"))
    }

    @Test func modelVariantsMap() throws {
        for file in ["participating-2025-12-31.xlsx", "pending-2025-12-31.xlsx"] {
            let sheet = try TestData.sheet(file)
            let variants = sheet.agreements.filter {
                ["Warrant Service Office", "Warrant Services Officer"].contains($0.modelAsPrinted)
            }
            #expect(!variants.isEmpty, "\(file)")
            #expect(variants.allSatisfy { $0.model == .warrantService })
        }
    }

    @Test func agencyTypesAndKeys() throws {
        let sheet = try TestData.sheet("participating-2025-06-12.xlsx")
        #expect(sheet.agreements.allSatisfy { $0.agencyType != .unknown })
        #expect(sheet.agreements.allSatisfy { !$0.agencyKey.contains("\u{2019}") && $0.agencyKey == $0.agencyKey.lowercased() })
        #expect(sheet.agreements.contains { $0.agencyName.contains("\u{2019}") })
    }

    @Test func fromHTMLSheets() throws {
        let sheet = try TestData.sheet("participating-2024-12-01-from-html.xlsx")
        #expect(sheet.publishedTimestamp == nil)
        #expect(sheet.agreements.allSatisfy { $0.signed != nil && $0.typeAsPrinted == nil && $0.countyAsPrinted == nil })
        #expect(sheet.agreements.allSatisfy { $0.moaURL?.hasPrefix("https://web.archive.org/web/20241201063408/") ?? false })
        #expect(try row(sheet, 2).signed?.description == "2020-06-09")
        #expect(try row(sheet, 2).moaURL?.contains("287gJEM_%20etowahCoAL") == true)
    }

    @Test func publishedTimestampAndOverride() throws {
        let sheet = try TestData.sheet("participating-2025-05-15.xlsx")
        #expect(sheet.publishedTimestamp == "2025-05-15T23:33:17Z")
        let date = try #require(SignedDate(year: 2025, month: 5, day: 16))
        let over = try SheetReader.read(path: TestData.path("participating-2025-05-15.xlsx"), published: date)
        #expect(over.published == date)
        let asPending = try SheetReader.read(path: TestData.path("participating-2025-05-15.xlsx"), kind: .pending)
        #expect(asPending.kind == .pending)
        #expect(asPending.warnings.contains { $0.message.contains("looks like a participating sheet") })
    }
}
