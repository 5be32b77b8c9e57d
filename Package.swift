// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ClinicSite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "clinicsite", targets: ["clinicsite"]),
        .library(name: "ClinicSite", targets: ["ClinicSite"]),
        .library(name: "ClinicSitePreview", targets: ["ClinicSitePreview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(
            name: "CQrencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]
        ),
        .target(
            name: "CClinicSupport"
        ),
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"]), .brew(["vips"])]
        ),
        .target(
            name: "CVipsShim",
            dependencies: ["CVips"],
            linkerSettings: [
                // libwebpmux removes the metadata chunks libvips 8.14.1's webpsave writes
                // despite strip=TRUE; libwebp itself is part of libvips' own dependencies.
                .linkedLibrary("webpmux"),
                .linkedLibrary("webp"),
            ]
        ),
        .target(
            name: "ClinicImages",
            dependencies: ["CVips", "CVipsShim"]
        ),
        .target(
            name: "ClinicSite",
            dependencies: [
                "Ccmark",
                "CQrencode",
                "CClinicSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "ClinicSitePreview",
            dependencies: [
                "ClinicSite",
                "CQrencode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
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
                "ClinicSitePreview",
                "ClinicSiteTheme",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [
                // jemalloc in place of glibc's malloc for the whole process: a 10,000-page build
                // allocates millions of small strings and arrays on every core, and glibc's
                // arenas spent about 12 % of the CPU time on it (consolidating, unlinking).
                .linkedLibrary("jemalloc", .when(platforms: [.linux])),
            ]
        ),
        .testTarget(
            name: "ClinicSiteTests",
            dependencies: ["ClinicSite"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ClinicSitePreviewTests",
            dependencies: [
                "ClinicSite",
                "ClinicSitePreview",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "CVipsTestSupport",
            dependencies: ["CVips"],
            path: "Tests/CVipsTestSupport"
        ),
        .testTarget(
            name: "ClinicImagesTests",
            dependencies: ["ClinicImages", "CVipsTestSupport"]
        ),
        .testTarget(
            name: "clinicsiteTests",
            dependencies: ["ClinicSite", "clinicsite"],
            exclude: ["Fixtures"]
        ),
    ]
)
