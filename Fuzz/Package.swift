// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for ClinicSite. Build and run them with `scripts/fuzz` (see README.md here):
// `swift build --sanitize=fuzzer --sanitize=address` instruments every module, ClinicSite's
// and its dependencies', and links libFuzzer's `main`.
let package = Package(
    name: "ClinicSiteFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "ClinicSite", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzPage",
            dependencies: [.product(name: "ClinicSite", package: "ClinicSite")]
        ),
        .executableTarget(
            name: "FuzzPreviewPath",
            dependencies: [
                .product(name: "ClinicSite", package: "ClinicSite"),
                .product(name: "ClinicSitePreview", package: "ClinicSite"),
            ]
        ),
    ]
)
