import Foundation
import Geo287Core
import Testing

/// Where the tests find their data. Two roots:
/// - the **embedded** root, `<repository>/shapefiles`, committed: always there;
/// - the **full** reference data, `$GEO287_DATA`, else `../shared/data` beside the repository
///   (the layout CI gives a clean clone), when it holds the full TIGER/Line place zips and the
///   all-geocodes workbook.
///
/// `root` is the full data when present, else the embedded root, so most suites run anywhere.
/// Tests that need what only the full data has are `.enabled(if: ReferenceData.hasFullData, ...)`
/// and are reported as skipped, with `ReferenceData.fullDataReason`, on a fresh clone. CI sets
/// `GEO287_REQUIRE_FULL_DATA=1`: a run without the full data then fails (`FullDataGuardTests`).
public enum ReferenceData {
    /// The repository root, found from this file's place in it.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let embeddedPath = repository.appendingPathComponent("shapefiles").path
    public static let embedded = DataRoot(url: URL(fileURLWithPath: embeddedPath), source: .defaultFolder)

    /// The candidate full root: `$GEO287_DATA`, else `../shared/data`.
    public static let fullCandidate: String = {
        if let env = ProcessInfo.processInfo.environment["GEO287_DATA"], !env.isEmpty { return env }
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
    }()

    /// Whether the full reference data is present (the files the embedded root lacks).
    public static let hasFullData: Bool = {
        let fm = FileManager.default
        return ["census/places/tiger2019/tl_2019_12_place.zip", "census/places/all-geocodes-v2023.xlsx",
                "census/counties/cb_2024_us_county_20m.shp"].allSatisfy { fm.fileExists(atPath: fullCandidate + "/" + $0) }
    }()

    public static let fullDataRequired = ProcessInfo.processInfo.environment["GEO287_REQUIRE_FULL_DATA"] == "1"

    public static let fullDataReason: Comment =
        "needs the full reference data (../shared/data or $GEO287_DATA with the TIGER/Line place zips); `geo287 data fetch all --with-places` gets it"

    /// The trait of a test or suite that needs the full data: skipped, with the reason, without it.
    public static var needsFullData: ConditionTrait { .enabled(if: hasFullData, fullDataReason) }

    /// The root most tests read: the full data when present, else the embedded root.
    public static let path: String = hasFullData ? fullCandidate : embeddedPath
    public static let root = DataRoot(url: URL(fileURLWithPath: path), source: .environment)
}
