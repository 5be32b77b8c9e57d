// swift-tools-version:6.0
import PackageDescription

// The stages are targets, so the compiler holds the direction of data:
// content → Markdown → model → render → output, a build target orchestrating them, and the
// preview server and the command line on top. One target imports Yams (content), one Ccmark
// (Markdown), one the template engine (render).
let package = Package(
    name: "ClinicSite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "clinicsite", targets: ["clinicsite"]),
        .library(name: "ClinicSite", targets: [
            "ClinicBase", "ClinicContent", "ClinicMarkdown", "ClinicModel", "ClinicRender", "ClinicOutput",
            "ClinicBuild", "ClinicCheck", "ClinicAuthoring", "ClinicImages",
        ]),
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
        // The C functions ClinicImages calls: the only code that calls libvips (and GLib,
        // libwebp, libwebpmux: libwebpmux removes the metadata chunks libvips 8.14.1's webpsave
        // writes despite strip=TRUE). CVips gives it libvips' headers; libvips itself is
        // opened with dlopen the first time a photo is read, so the program neither needs it
        // nor loads it to start (the shim asks the linker for --as-needed: vips_shim.c).
        .target(
            name: "CVipsShim",
            dependencies: ["CVips", "CClinicSupport"]
        ),
        // libcurl for `check --external`, opened with dlopen when the first external link is
        // checked (it and the libraries behind it took 23 ms of every start of the program
        // when Foundation's URLSession linked it in). Only its headers are used to build
        // (libcurl4-openssl-dev): nothing links to it.
        .target(name: "CCurlShim", dependencies: ["CClinicSupport"]),
        // Stage 5: images through libvips (decode, orient, resize, strip, encode) and their cache.
        .target(
            name: "ClinicImages",
            dependencies: ["ClinicBase", "CVipsShim"],
            plugins: ["LocateVips"]
        ),
        // The template engine: Mustache compiled against Swift types (depends on nothing).
        .target(
            name: "ClinicMustache"
        ),
        // What every stage shares: diagnostics with places, days, slugs, paths and files.
        .target(
            name: "ClinicBase"
        ),
        // Stage 1: the site folder's files, front matter and clinic.yml as typed values.
        .target(
            name: "ClinicContent",
            dependencies: ["ClinicBase", .product(name: "Yams", package: "Yams")]
        ),
        // Stage 2: Markdown through libcmark.
        .target(
            name: "ClinicMarkdown",
            dependencies: ["ClinicBase", "Ccmark"]
        ),
        // Stage 3: the site as one immutable value, with everything derived from it.
        .target(
            name: "ClinicModel",
            dependencies: ["ClinicBase", "ClinicContent", "ClinicMarkdown", "ClinicImages"]
        ),
        // Stage 4: a key and a view model for every output file, and the templates.
        .target(
            name: "ClinicRender",
            dependencies: [
                "ClinicBase", "ClinicContent", "ClinicMarkdown", "ClinicModel", "ClinicMustache", "CQrencode", "ClinicImages",
            ]
        ),
        // Stage 6: sinks (a staging folder swapped in atomically; memory).
        .target(
            name: "ClinicOutput",
            dependencies: ["ClinicBase", "ClinicContent", "CClinicSupport"]
        ),
        // Orchestrates the stages: one rebuild function for a first build and every save.
        .target(
            name: "ClinicBuild",
            dependencies: ["ClinicBase", "ClinicContent", "ClinicMarkdown", "ClinicModel", "ClinicRender", "ClinicOutput", "ClinicImages"]
        ),
        // `clinicsite check`.
        .target(
            name: "ClinicCheck",
            dependencies: ["ClinicBase", "ClinicContent", "ClinicMarkdown", "ClinicModel", "ClinicOutput", "ClinicBuild", "ClinicImages", "CCurlShim"]
        ),
        // `clinicsite init` and `clinicsite new`.
        .target(
            name: "ClinicAuthoring",
            dependencies: ["ClinicBase", "ClinicContent"]
        ),
        .target(
            name: "ClinicSitePreview",
            dependencies: [
                "ClinicBase", "ClinicContent", "ClinicModel", "ClinicRender", "ClinicOutput", "ClinicBuild",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "ThemeEmbedder"
        ),
        .plugin(
            name: "LocateVips",
            capability: .buildTool()
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
                "ClinicBase", "ClinicContent", "ClinicModel", "ClinicRender", "ClinicOutput", "ClinicBuild", "ClinicCheck", "ClinicAuthoring",
                "ClinicSitePreview", "ClinicSiteTheme",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [
                // jemalloc in place of glibc's malloc for the whole process: a 10,000-page build
                // allocates millions of small strings and arrays on every core, and glibc's
                // arenas spent about 12 % of the CPU time on it (consolidating, unlinking).
                .linkedLibrary("jemalloc", .when(platforms: [.linux])),
            ]
        ),
        // What every test target shares (temporary folders, the repository's paths), with
        // Foundation only, so it ties no test target to another's dependencies.
        .target(
            name: "ClinicSiteTestSupport",
            path: "Tests/ClinicSiteTestSupport"
        ),
        .testTarget(
            name: "ClinicMustacheTests",
            dependencies: ["ClinicMustache", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Spec"]
        ),
        .testTarget(
            name: "ClinicSiteTests",
            dependencies: [
                "ClinicBase", "ClinicContent", "ClinicMarkdown", "ClinicModel", "ClinicRender", "ClinicOutput",
                "ClinicBuild", "ClinicCheck", "ClinicAuthoring", "ClinicMustache", "ClinicSiteTestSupport", "ClinicImages",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ClinicSitePreviewTests",
            dependencies: [
                "ClinicBase", "ClinicContent", "ClinicModel", "ClinicRender", "ClinicOutput", "ClinicBuild", "ClinicSitePreview",
                "ClinicSiteTestSupport", "ClinicImagesTestSupport",
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
        // Test photos (made with libvips, with what a phone writes into them) and what a
        // published file carries: for ClinicImagesTests and the site's own tests.
        .target(
            name: "ClinicImagesTestSupport",
            dependencies: ["CVipsTestSupport"],
            path: "Tests/ClinicImagesTestSupport"
        ),
        .testTarget(
            name: "ClinicImagesTests",
            dependencies: ["ClinicImages", "ClinicImagesTestSupport"]
        ),
        .testTarget(
            name: "clinicsiteTests",
            dependencies: ["ClinicBase", "ClinicContent", "ClinicBuild", "ClinicAuthoring", "ClinicCheck", "clinicsite", "ClinicSiteTestSupport",
                           "ClinicImagesTestSupport"],
            exclude: ["Fixtures"]
        ),
    ]
)
