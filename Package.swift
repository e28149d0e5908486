// swift-tools-version: 6.0

import PackageDescription

let package = Package(
    name: "CustomerValueSquads",
    // The oldest systems with String.replacing(_:with:) and (in the tool) ContinuousClock, the newest APIs
    // the code calls; CONTRIBUTING.md says how to check a new one.
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .library(name: "CustomerValueSquads", targets: ["CustomerValueSquads"]),
        .library(name: "CustomerValueSquadsTesting", targets: ["CustomerValueSquadsTesting"]),
        .library(name: "CustomerValueSquadsSamples", targets: ["CustomerValueSquadsSamples"]),
    ],
    targets: [
        .target(name: "CustomerValueSquads"),
        // Organisations of any size from a seed, for tools and benchmarks as well as tests.
        .target(name: "CustomerValueSquadsSamples", dependencies: ["CustomerValueSquads"]),
        // Test support: fixtures and builders; it brings the samples with it.
        .target(
            name: "CustomerValueSquadsTesting",
            dependencies: ["CustomerValueSquads", "CustomerValueSquadsSamples"]
        ),
        .testTarget(
            name: "CustomerValueSquadsTests",
            dependencies: ["CustomerValueSquads", "CustomerValueSquadsTesting"],
            // Inputs that once broke a promise, replayed by FuzzRegressionTests; read from the source tree.
            exclude: ["FuzzRegressions"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
