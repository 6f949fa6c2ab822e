@testable import Geo287Site
import Testing

@Suite struct SiteNamesTests {
    @Test func censusGovernmentNamesAreShownPlainAndFoundByTheirCommonName() {
        #expect(SiteNames.plain("Nashville-Davidson metropolitan government (balance)") == ("Nashville-Davidson", "Nashville"))
        #expect(SiteNames.plain("Urban Honolulu") == ("Urban Honolulu", "Honolulu"))
        #expect(SiteNames.plain("Augusta-Richmond County consolidated government (balance)") == ("Augusta-Richmond County", "Augusta"))
        #expect(SiteNames.plain("Winston-Salem") == ("Winston-Salem", nil))
        #expect(SiteNames.plain("Tampa") == ("Tampa", nil))
    }
}
