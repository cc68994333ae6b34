// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rtp-kpi-intake",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pipeline", targets: ["pipeline"]),
        // Libraries, for the fuzz targets in Fuzz/ and for embedding the checker elsewhere.
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "Validate", targets: ["Validate"]),
        .library(name: "Inbox", targets: ["Inbox"]),
        .library(name: "Office", targets: ["Office"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        /// libxml2, the system C library: XML parsing and XSD validation.
        .systemLibrary(
            name: "CLibXML",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        /// Bytes → decoded text → report form (XML or plain text); Thai values; findings.
        .target(name: "Ingest", dependencies: ["CLibXML"]),
        /// Rule sets from schemas/, the rules, level/score/target → verdict.
        .target(name: "Validate", dependencies: ["Ingest"]),
        /// The files of schemas/ (report.xsd, text-form.json, rules/*.json) built into the
        /// program at build time, for the executable only.
        .target(name: "DefaultSchemas", dependencies: ["Validate"], plugins: ["EmbedSchemas"]),
        /// Turns the files under schemas/ into a Swift source at build time (no committed copy).
        .plugin(name: "EmbedSchemas", capability: .buildTool(), dependencies: ["embed-schemas"]),
        /// The plugin's tool: writes the files as string literals.
        .executableTarget(name: "embed-schemas", path: "Plugins/EmbedSchemasTool"),
        /// The inbox engine: claim, ledger, records, notices, rejection log, watcher.
        .target(
            name: "Inbox",
            dependencies: [
                "Ingest", "Validate",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        /// The receiving office's follow-up over the inbox's ledger: the roster, who has not
        /// reported, the follow-up of rejections, users and sessions, and the tables (CSV,
        /// JSON, xlsx) that the CLI and the web both give.
        .target(
            name: "Office",
            dependencies: [
                "Ingest", "Validate", "Inbox",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        /// `pipeline serve`'s web face: pages and API over Validate and Inbox (the engine
        /// never imports it).
        .target(
            name: "Web",
            dependencies: [
                "Ingest", "Validate", "Inbox", "Office",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// The `pipeline` command: argument parsing and printing only.
        .executableTarget(
            name: "pipeline",
            dependencies: [
                "Ingest", "Validate", "Inbox", "Office", "DefaultSchemas", "Web",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// What the test targets share: the repository's paths (from #filePath) and temporary
        /// folders. Fixtures are test data read from those paths, not sources or bundled resources.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ValidateTests", dependencies: ["Ingest", "Validate", "DefaultSchemas", "TestSupport"]),
        .testTarget(
            name: "InboxTests",
            dependencies: [
                "Ingest", "Validate", "Inbox", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "OfficeTests",
            dependencies: [
                "Ingest", "Validate", "Inbox", "Office", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "PipelineCLITests",
            dependencies: [
                "pipeline", "Inbox", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "Inbox", "Office", "Validate", "pipeline", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)
