// swift-tools-version:6.0
import PackageDescription

// geo287: 287(g) agreements joined to Census geography through GEOS.
// Modules, one concern each (no cycles):
//   CGEOS, CPROJ, CShapelib, CSQLite, CZlibSystem, CCryptoSystem  C shims over the Debian libraries (pkg-config; CPROJ: header only, libproj is loaded with dlopen)
//   Geo287Core               zlib (zip reading) and libcrypto (SHA-256) only: errors, JSON/CSV, states, data root, atomic files, name keys, text, SHA-256, zip, Prefetch, Parallel
//   Geo287Geometry           safe Swift wrappers: GEOS, PROJ, pure-Swift polygons, point index, the border rule
//   Geo287Census             shapefile reader/writer, Census layers and tables, the data catalog
//   Geo287Sheets             ICE 287(g) xlsx/CSV sheets read into normalized agreements; the dated sheets of a root
//   Geo287Jurisdictions      agencies matched to Census jurisdictions; county join, place overlays, gazetteer
//   Geo287Coverage           population covered by agreements: counties, tracts, the coverage run and its output
//   Geo287Lookup             which agreements cover a place, an address point or a file of points
//   Geo287History            coverage over past sheets, sheet diffs, batch runs
//   Geo287Maps               GeoJSON and SVG output
//   Geo287Site               the static web site: search, "use my location", interactive maps (EN/ES)
//   Geo287Fetch              downloads: Census files (pinned SHA-256), ICE sheets, Wayback captures
//   Geo287Export             jurisdiction periods and panels as GeoParquet (own Parquet writer) and GeoPackage (SQLite)
//   geo287                   the command line (thin)
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "geo287",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "geo287", targets: ["geo287"]),
        .library(name: "Geo287", targets: [
            "Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets", "Geo287Jurisdictions", "Geo287Coverage",
            "Geo287Lookup", "Geo287History", "Geo287Maps", "Geo287Site", "Geo287Fetch", "Geo287Export",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        // PROJ's header only (no pkg-config: its flags would link libproj, which is loaded with dlopen).
        .systemLibrary(name: "CPROJ", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CShapelib", pkgConfig: "shapelib", providers: [.apt(["libshp-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Named apart from ZIPFoundation's own `CZlib` module (Linux), which only its writer uses now.
        .systemLibrary(name: "CZlibSystem", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenSSL's libcrypto for SHA-256 (hardware SHA extensions); nothing else of OpenSSL is used.
        .systemLibrary(name: "CCryptoSystem", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(
            name: "Geo287Core", dependencies: ["CZlibSystem", "CCryptoSystem", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict),
        .target(name: "Geo287Geometry", dependencies: ["Geo287Core", "CGEOS", "CPROJ"], swiftSettings: strict),
        .target(name: "Geo287Census", dependencies: ["Geo287Core", "Geo287Geometry", "CShapelib"], swiftSettings: strict),
        .target(name: "Geo287Sheets", dependencies: ["Geo287Core"], swiftSettings: strict),
        .target(
            name: "Geo287Jurisdictions", dependencies: ["Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets"],
            swiftSettings: strict),
        .target(
            name: "Geo287Coverage",
            dependencies: ["Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets", "Geo287Jurisdictions"],
            swiftSettings: strict),
        .target(
            name: "Geo287Lookup",
            dependencies: ["Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets", "Geo287Jurisdictions"],
            swiftSettings: strict),
        .target(
            name: "Geo287History",
            dependencies: ["Geo287Core", "Geo287Census", "Geo287Sheets", "Geo287Jurisdictions", "Geo287Coverage"],
            swiftSettings: strict),
        .target(
            name: "Geo287Maps",
            dependencies: [
                "Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets", "Geo287Jurisdictions", "Geo287Coverage",
                "Geo287History",
            ],
            swiftSettings: strict),
        .target(
            name: "Geo287Site",
            dependencies: [
                "Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets", "Geo287Jurisdictions", "Geo287Coverage",
                "Geo287Maps",
            ],
            // The page's script and style, compiled into the binary (no bundle to lose).
            resources: [.embedInCode("web/site.js"), .embedInCode("web/site.css")],
            swiftSettings: strict),
        .target(name: "Geo287Fetch", dependencies: ["Geo287Core", "Geo287Census", "Geo287Sheets"], swiftSettings: strict),
        .target(
            name: "Geo287Export",
            dependencies: [
                "Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets", "Geo287Jurisdictions", "Geo287Coverage",
                "Geo287History", "Geo287Maps", "CSQLite",
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "geo287",
            dependencies: [
                "Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets", "Geo287Jurisdictions", "Geo287Coverage",
                "Geo287Lookup", "Geo287History", "Geo287Maps", "Geo287Site", "Geo287Fetch", "Geo287Export",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        // Where the tests find the reference data (shared by every test target).
        .target(name: "Geo287TestSupport", dependencies: ["Geo287Core"], path: "Tests/Geo287TestSupport", swiftSettings: strict),
        .testTarget(name: "Geo287GeometryTests", dependencies: ["Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "Geo287CensusTests",
            dependencies: [
                "Geo287Census", "Geo287Core", "Geo287Geometry", "Geo287TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        .testTarget(name: "Geo287SheetsTests", dependencies: ["Geo287Sheets", "Geo287Core", "Geo287TestSupport"], swiftSettings: strict),
        // Jurisdiction matching and coverage (one target: they share the matched newest sheet).
        .testTarget(
            name: "Geo287CoverageTests",
            dependencies: [
                "Geo287Coverage", "Geo287Jurisdictions", "Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets", "Geo287TestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "Geo287LookupTests",
            dependencies: [
                "Geo287Lookup", "Geo287Coverage", "Geo287Jurisdictions", "Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets",
                "Geo287TestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "Geo287HistoryTests",
            dependencies: [
                "Geo287History", "Geo287Coverage", "Geo287Jurisdictions", "Geo287Maps", "Geo287Core", "Geo287Census",
                "Geo287Sheets", "Geo287Lookup", "Geo287Geometry", "Geo287TestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "Geo287MapsTests",
            dependencies: [
                "Geo287Maps", "Geo287Core", "Geo287Geometry", "Geo287Sheets", "Geo287Jurisdictions", "Geo287Coverage",
                "Geo287TestSupport",
            ],
            swiftSettings: strict),
        // The generated site: its data, and the pages driven in headless Chromium (WebDriver).
        .testTarget(
            name: "Geo287SiteTests",
            dependencies: [
                "Geo287Site", "Geo287Lookup", "Geo287Coverage", "Geo287Jurisdictions", "Geo287Core", "Geo287Geometry", "Geo287Census",
                "Geo287Sheets", "Geo287TestSupport",
            ],
            swiftSettings: strict),
        // Runs the built executable: exit codes and one-line errors.
        .testTarget(name: "Geo287CLITests", dependencies: ["geo287", "Geo287TestSupport"], swiftSettings: strict),
        // Hostile and broken input, generated by the tests from the bundled data; a seeded fuzzer.
        .testTarget(
            name: "Geo287HostileInputTests",
            dependencies: ["geo287", "Geo287Core", "Geo287Geometry", "Geo287Census", "Geo287Sheets", "Geo287Jurisdictions", "Geo287TestSupport"],
            swiftSettings: strict),
        // The export read back by independent readers (pyarrow, geopandas, DuckDB, ogrinfo) and the dask recipe.
        .testTarget(
            name: "Geo287ExportTests",
            dependencies: [
                "Geo287Export", "Geo287History", "Geo287Lookup", "Geo287Core", "Geo287Geometry", "Geo287Sheets", "Geo287Jurisdictions",
                "Geo287TestSupport",
            ],
            exclude: ["python"], swiftSettings: strict),
        // Downloads against a loopback HTTP server the tests start (Fixtures/loopback_server.py).
        .testTarget(
            name: "Geo287FetchTests", dependencies: ["Geo287Fetch", "Geo287Core", "Geo287Census", "Geo287Sheets", "geo287", "Geo287TestSupport"],
            exclude: ["Fixtures"], swiftSettings: strict),
    ]
)
