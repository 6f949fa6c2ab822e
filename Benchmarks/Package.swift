// swift-tools-version:6.1
import PackageDescription

// geo287 benchmarks: their own package, so the main build and CI stay lean.
//   PIPWorkloads     the shared inputs: county polygons, fixed-seed random points, tract centroids
//   pip-join         command line used by peers/run.sh: writes inputs, runs one engine on a points file
//   PointInPolygon   ordo-one/benchmark suite (`swift package benchmark`): point-in-polygon joins
//   Pipeline         ordo-one/benchmark suite: sheet parse, match + join, coverage end to end, polygon overlay
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "geo287-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "geo287", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(name: "PIPWorkloads", dependencies: [.product(name: "Geo287", package: "geo287")], swiftSettings: strict),
        .executableTarget(name: "pip-join", dependencies: ["PIPWorkloads"], swiftSettings: strict),
        .executableTarget(
            name: "PointInPolygon",
            dependencies: ["PIPWorkloads", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/PointInPolygon",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Pipeline",
            dependencies: ["PIPWorkloads", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/Pipeline",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ]
)
