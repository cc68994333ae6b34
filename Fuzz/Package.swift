// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for the intake pipeline, kept out of the root package so that a plain
/// `swift build` / `swift test` there never needs the fuzzer runtime.
///
/// Build (scripts/fuzz does this):
///     swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
/// Each executable defines `<Module>_main`, which hands its test function to libFuzzer's driver
/// (see FuzzSupport/Entry.swift for why not libFuzzer's own `main`).
let package = Package(
    name: "rtp-kpi-intake-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // `rtp-kpi-intake` is a symlink to `..`: a path dependency takes its identity from the
        // folder name, and the checkout folder may be called anything (even `fuzz`).
        .package(path: "rtp-kpi-intake"),
    ],
    targets: [
        /// The declaration of libFuzzer's `LLVMFuzzerRunDriver`.
        .target(name: "CFuzzerDriver"),
        /// The entry point shared by every target, paths to the repository's schemas, and
        /// property checks.
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver", .product(name: "Ingest", package: "rtp-kpi-intake")]
        ),
        /// Bytes → FormDecoder.decode.
        .executableTarget(
            name: "FuzzDecode",
            dependencies: ["FuzzSupport", .product(name: "Ingest", package: "rtp-kpi-intake")]
        ),
        /// Bytes → decode → TextFormReader.read.
        .executableTarget(
            name: "FuzzTextReader",
            dependencies: ["FuzzSupport", .product(name: "Ingest", package: "rtp-kpi-intake")]
        ),
        /// UTF-8 text → ThaiDateParser, ThaiNumber, PhoneNumber, ThaiText.
        .executableTarget(
            name: "FuzzValues",
            dependencies: ["FuzzSupport", .product(name: "Ingest", package: "rtp-kpi-intake")]
        ),
        /// Bytes → decode → XMLFormReader.read (libxml2, XSD).
        .executableTarget(
            name: "FuzzXML",
            dependencies: ["FuzzSupport", .product(name: "Ingest", package: "rtp-kpi-intake")]
        ),
        /// Bytes → FormChecker.check (the whole path) → JSON verdict, record round trip.
        .executableTarget(
            name: "FuzzChecker",
            dependencies: [
                "FuzzSupport",
                .product(name: "Ingest", package: "rtp-kpi-intake"),
                .product(name: "Validate", package: "rtp-kpi-intake"),
            ]
        ),
    ]
)
