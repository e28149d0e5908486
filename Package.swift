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
            dependencies: ["CustomerValueSquads", "CustomerValueSquadsTesting"],
            // Inputs that once broke a promise, replayed by FuzzRegressionTests; read from the source tree.
            exclude: ["FuzzRegressions"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
