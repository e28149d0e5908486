// swift-tools-version: 6.0

import PackageDescription

let package = Package(
    name: "SquadsTool",
    // The oldest systems with String.replacing(_:with:) and (in the tool) ContinuousClock, the newest APIs
    // the code calls; CONTRIBUTING.md says how to check a new one.
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .executable(name: "squads", targets: ["squads"])
    ],
    dependencies: [
        .package(name: "CustomerValueSquads", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // For `squads import-backstage`: catalog files written as YAML by hand.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // For `squads scim`: answers read as they stream, cut off past a limit, and redirects left to the client.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        .target(
            name: "SquadsCommandLine",
            dependencies: [
                .product(name: "CustomerValueSquads", package: "CustomerValueSquads"),
                // For `squads sample --specialists N`: organisations of any size from the seeded generator.
                .product(name: "CustomerValueSquadsSamples", package: "CustomerValueSquads"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            // The demo's sample is compiled into the tool, so an installed binary needs no files beside it.
            resources: [.embedInCode("Resources/sample.json")]
        ),
        .executableTarget(name: "squads", dependencies: ["SquadsCommandLine"]),
        .testTarget(
            name: "SquadsCommandLineTests",
            dependencies: [
                "SquadsCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CustomerValueSquadsTesting", package: "CustomerValueSquads"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
