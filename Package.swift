// swift-tools-version: 6.0
import PackageDescription

/// Phuhop: a scoring engine for Vietnam's child-friendly standards.
///
/// Arrows point inward only: `PhuhopCore` knows nothing of files, databases or HTTP;
/// `PhuhopFormats` (files in) and `PhuhopReports` (rendering) depend on the core only;
/// `PhuhopCLI` wires them together and the `phuhop` executable is a one-line shell around it.
let package = Package(
    name: "Phuhop",
    products: [
        .executable(name: "phuhop", targets: ["phuhop"]),
        .executable(name: "phuhop-bench", targets: ["phuhop-bench"]),
        .library(name: "PhuhopCore", targets: ["PhuhopCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "PhuhopCore"),
        .target(name: "PhuhopFormats", dependencies: ["PhuhopCore", "PhuhopSynthesis", "Yams"]),
        .target(name: "PhuhopReports", dependencies: ["PhuhopCore"]),
        .target(name: "PhuhopSynthesis", dependencies: ["PhuhopCore"]),
        .target(
            name: "PhuhopStore",
            dependencies: [
                "PhuhopCore", "PhuhopFormats", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "PhuhopCLI",
            dependencies: [
                "PhuhopCore", "PhuhopFormats", "PhuhopReports", "PhuhopStore", "PhuhopSynthesis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "phuhop", dependencies: ["PhuhopCLI"]),
        .executableTarget(name: "phuhop-bench", dependencies: ["PhuhopCore", "PhuhopFormats", "PhuhopReports", "PhuhopSynthesis"]),
        .testTarget(name: "PhuhopCoreTests", dependencies: ["PhuhopCore"]),
        .testTarget(name: "PhuhopFormatsTests", dependencies: ["PhuhopCore", "PhuhopFormats"]),
        .testTarget(name: "PhuhopReportsTests", dependencies: ["PhuhopCore", "PhuhopFormats", "PhuhopReports"]),
        .testTarget(
            name: "PhuhopStoreTests",
            dependencies: ["PhuhopCore", "PhuhopFormats", "PhuhopStore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PhuhopCLITests", dependencies: ["PhuhopCLI", "PhuhopCore", "PhuhopFormats", "PhuhopSynthesis"], exclude: ["Expected", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
