// swift-tools-version: 6.0

import PackageDescription

let package = Package(
    name: "CustomerValueSquads",
    products: [
        .library(name: "CustomerValueSquads", targets: ["CustomerValueSquads"]),
        .library(name: "CustomerValueSquadsTesting", targets: ["CustomerValueSquadsTesting"]),
    ],
    targets: [
        .target(name: "CustomerValueSquads"),
        .target(
            name: "CustomerValueSquadsTesting",
            dependencies: ["CustomerValueSquads"]
        ),
        .testTarget(
            name: "CustomerValueSquadsTests",
            dependencies: ["CustomerValueSquads", "CustomerValueSquadsTesting"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
