// swift-tools-version: 6.1

import PackageDescription

// Benchmarks of CustomerValueSquads, in a package of their own so none of this reaches the library's users.
//
// - `swift package benchmark` (ordo-one/benchmark) runs Benchmarks/SquadsMetrics: allocation counts (and
//   instruction counts where the machine lets it count them), checked against committed thresholds.
// - `SquadsBenchmarks` prints ratios within one run — against a floor, a smaller size or a fair peer.
let package = Package(
    name: "SquadsBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "CustomerValueSquads", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SquadsBenchmarks",
            dependencies: [
                .product(name: "CustomerValueSquads", package: "CustomerValueSquads"),
                .product(name: "CustomerValueSquadsTesting", package: "CustomerValueSquads"),
            ]
        ),
        .executableTarget(
            name: "SquadsMetrics",
            dependencies: [
                .product(name: "CustomerValueSquads", package: "CustomerValueSquads"),
                .product(name: "CustomerValueSquadsTesting", package: "CustomerValueSquads"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SquadsMetrics",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
