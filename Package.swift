// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Kremlinology",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kremlinology", targets: ["kremlinology"]),
        .library(name: "KremlinologyModel", targets: ["KremlinologyModel"]),
        .library(name: "KremlinologyIngest", targets: ["KremlinologyIngest"]),
        .library(name: "KremlinologySyntax", targets: ["KremlinologySyntax"]),
        .library(name: "KremlinologyExtract", targets: ["KremlinologyExtract"]),
        .library(name: "KremlinologyStore", targets: ["KremlinologyStore"]),
        .library(name: "KremlinologyPipeline", targets: ["KremlinologyPipeline"]),
        .library(name: "KremlinologyAnalysis", targets: ["KremlinologyAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Imported by the server directly (its logger and its graceful shutdown); Hummingbird
        // depends on both too, so these add no package to the build.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "KremlinologyModel"),
        // zlib, for the SQLite store's compressed document text (Debian's zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "KremlinologyIngest",
            dependencies: ["KremlinologyModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "KremlinologySyntax", resources: [.copy("Resources")]),
        .target(
            name: "KremlinologyExtract",
            dependencies: ["KremlinologyModel", "KremlinologySyntax", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "KremlinologyStore",
            dependencies: [
                "KremlinologyModel", "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, for the progress handler that stops a cancelled read.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "KremlinologyPipeline",
            dependencies: ["KremlinologyModel", "KremlinologyIngest", "KremlinologyExtract", "KremlinologyStore",
                           .product(name: "Yams", package: "Yams")],
            // The FollowTheMoney mapping of `export ftm` (state bodies, country codes).
            resources: [.copy("Resources")]
        ),
        .target(name: "KremlinologyAnalysis", dependencies: ["KremlinologyModel", "KremlinologyStore"]),
        .target(
            name: "KremlinologyServer",
            dependencies: [
                "KremlinologyModel", "KremlinologyIngest", "KremlinologyExtract", "KremlinologyStore", "KremlinologyPipeline",
                "KremlinologyAnalysis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "kremlinology",
            dependencies: [
                "KremlinologySyntax", "KremlinologyModel", "KremlinologyIngest", "KremlinologyExtract", "KremlinologyStore", "KremlinologyPipeline",
                "KremlinologyAnalysis", "KremlinologyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "KremlinologyBenchmarks",
            dependencies: ["KremlinologySyntax", "KremlinologyModel", "KremlinologyIngest", "KremlinologyExtract", "KremlinologyStore", "KremlinologyPipeline",
                           // The search benchmark runs the old SQLite query path beside the store's.
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/KremlinologyBenchmarks"
        ),
        .testTarget(name: "KremlinologyModelTests", dependencies: ["KremlinologyModel"]),
        .testTarget(name: "KremlinologySyntaxTests", dependencies: ["KremlinologySyntax"], exclude: ["Fixtures"]),
        .testTarget(name: "KremlinologyIngestTests", dependencies: ["KremlinologyIngest"]),
        .testTarget(name: "KremlinologyExtractTests", dependencies: ["KremlinologyExtract", "KremlinologyIngest", "KremlinologyPipeline"]),
        .testTarget(name: "KremlinologyStoreTests", dependencies: ["KremlinologyStore", "KremlinologyIngest", "KremlinologyPipeline"]),
        .testTarget(name: "KremlinologyAnalysisTests", dependencies: ["KremlinologyAnalysis", "KremlinologyStore"], exclude: ["Schemas"]),
        .testTarget(name: "KremlinologyCLITests", dependencies: ["kremlinology", "KremlinologyStore"]),
        .testTarget(
            name: "KremlinologyServerTests",
            dependencies: [
                "KremlinologyServer", "KremlinologyStore", "KremlinologyIngest", "KremlinologyExtract", "KremlinologyPipeline",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Scripts"]
        ),
    ]
)
