// swift-tools-version: 6.0

import PackageDescription

// Coverage-guided fuzzing of every document the library reads, with libFuzzer. A nested package, so none of
// this reaches the library's users. Each target is a static library that defines LLVMFuzzerTestOneInput;
// `.ci/fuzz` builds it with `-sanitize=fuzzer,address`, links it and runs it (see Fuzz/README.md).
let targets = ["FuzzOrganization", "FuzzPolicy", "FuzzChangeLog", "FuzzSCIM", "FuzzRollout"]

let package = Package(
    name: "SquadsFuzzing",
    products: targets.map { .library(name: $0, type: .static, targets: [$0]) } + [
        .executable(name: "MakeCorpus", targets: ["MakeCorpus"])
    ],
    dependencies: [
        .package(name: "CustomerValueSquads", path: "..")
    ],
    targets: targets.map { .target(name: $0, dependencies: ["FuzzChecks"]) } + [
        .target(
            name: "FuzzChecks",
            dependencies: [.product(name: "CustomerValueSquadsTesting", package: "CustomerValueSquads")]
        ),
        .executableTarget(
            name: "MakeCorpus",
            dependencies: [
                "FuzzChecks",
                .product(name: "CustomerValueSquadsTesting", package: "CustomerValueSquads"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
