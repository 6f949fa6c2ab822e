import Testing
@testable import geo287

/// The progress lines the command line draws on a terminal (downloads, batch runs).
@Suite struct ProgressBarTests {
    @Test func downloadBarLine() {
        #expect(ProgressBar.render(label: "tl_2019_06_place.zip", received: 2_500_000, expected: 10_000_000)
            == "tl_2019_06_place.zip [#######-----------------------] 25% 2.5 MB/10.0 MB")
        #expect(ProgressBar.render(label: "287(g) page", received: 1_200_000, expected: nil) == "287(g) page  1.2 MB")
    }
}
