// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ClinicSite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "clinicsite", targets: ["clinicsite"]),
        .library(name: "ClinicSite", targets: ["ClinicSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(
            name: "CClinicSupport"
        ),
        .target(
            name: "ClinicSite",
            dependencies: [
                "Ccmark",
                "CClinicSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "ThemeEmbedder"
        ),
        .plugin(
            name: "EmbedTheme",
            capability: .buildTool(),
            dependencies: ["ThemeEmbedder"]
        ),
        .target(
            name: "ClinicSiteTheme",
            plugins: ["EmbedTheme"]
        ),
        .executableTarget(
            name: "clinicsite",
            dependencies: [
                "ClinicSite",
                "ClinicSiteTheme",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ClinicSiteTests",
            dependencies: ["ClinicSite"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "clinicsiteTests",
            dependencies: ["ClinicSite", "clinicsite"],
            exclude: ["Fixtures"]
        ),
    ]
)
