// swift-tools-version: 6.1
import PackageDescription

/// Phuhop: a scoring engine for Vietnam's child-friendly standards.
///
/// Arrows point inward only: `PhuhopCore` knows nothing of files, databases or HTTP;
/// `PhuhopFormats` (files in) and `PhuhopReports` (rendering) depend on the core only;
/// `PhuhopStore` keeps evidence and decisions in SQLite; `PhuhopWeb` serves them over HTTP;
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
        // swift-configuration support is not used: the server takes its settings from the command line.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // The browser tests talk to chromedriver with it (Foundation's URLSession fails here on loopback).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
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
            name: "PhuhopWeb",
            dependencies: [
                "PhuhopCore", "PhuhopFormats", "PhuhopReports", "PhuhopStore", "PhuhopSynthesis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "PhuhopCLI",
            dependencies: [
                "PhuhopCore", "PhuhopFormats", "PhuhopReports", "PhuhopStore", "PhuhopSynthesis", "PhuhopWeb",
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
        .testTarget(
            name: "PhuhopWebTests",
            dependencies: [
                "PhuhopCore", "PhuhopFormats", "PhuhopReports", "PhuhopStore", "PhuhopWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "PhuhopCLITests", dependencies: ["PhuhopCLI", "PhuhopCore", "PhuhopFormats", "PhuhopSynthesis", "PhuhopStore", "PhuhopWeb"], exclude: ["Expected", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
