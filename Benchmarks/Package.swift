// swift-tools-version: 6.0

import PackageDescription

let package = Package(
    name: "SquadsBenchmarks",
    dependencies: [
        .package(name: "CustomerValueSquads", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "SquadsBenchmarks",
            dependencies: [
                .product(name: "CustomerValueSquads", package: "CustomerValueSquads"),
                .product(name: "CustomerValueSquadsTesting", package: "CustomerValueSquads"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
