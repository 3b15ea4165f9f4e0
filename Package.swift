// swift-tools-version:6.1
import PackageDescription

// One target per stage of the pipeline; each imports only the layers below it (README: Architecture).
//
//   Core ─ Markdown ─ Templates ─ Load ─ Site ─ Render ─ Write ─ Print ─ Build ─ Scaffold ─ Server ─ citypress
//   Core ─ Check (reads built sites) ─ Build (checks pages as it writes them), citypress
let package = Package(
    name: "CityPress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "citypress", targets: ["citypress"]),
        .library(name: "CityPress", targets: ["CityPressBuild", "CityPressScaffold"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // No default traits: "ConfigurationSupport" compiles swift-configuration (20,000 lines) for an
        // initializer the preview does not use; without it, a fresh clone's CI compiles that much less.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Diagnostics, source text, escaping, the sink pages are written to: what every stage shares.
        .target(name: "CityPressCore"),
        // CommonMark through libcmark; its C pointers never leave this target.
        .target(name: "CityPressMarkdown", dependencies: ["CityPressCore", "CCmark"]),
        // The Mustache engine: parsing, checking templates against their views, rendering.
        .target(name: "CityPressTemplates", dependencies: ["CityPressCore"]),
        // Files → typed records with source locations.
        .target(name: "CityPressLoad", dependencies: [
            "CityPressCore", "CityPressMarkdown", .product(name: "Yams", package: "Yams"),
        ]),
        // Records → one immutable site model, and the checks that need the whole site.
        .target(name: "CityPressSite", dependencies: ["CityPressCore", "CityPressMarkdown", "CityPressLoad"]),
        // Site model → outputs (paths and bytes). Reads no files.
        .target(name: "CityPressRender", dependencies: [
            "CityPressCore", "CityPressMarkdown", "CityPressTemplates", "CityPressLoad", "CityPressSite",
        ]),
        // Outputs → a staging folder swapped in on success.
        .target(name: "CityPressWrite", dependencies: ["CityPressCore"]),
        // Print pages → PDF through a headless browser.
        .target(name: "CityPressPrint", dependencies: ["CityPressCore"]),
        // The one orchestrator: build, pdf and the preview's rebuilds run its named steps.
        .target(name: "CityPressBuild", dependencies: [
            "CityPressCore", "CityPressMarkdown", "CityPressTemplates", "CityPressLoad", "CityPressSite",
            "CityPressRender", "CityPressWrite", "CityPressPrint", "CityPressCheck",
        ]),
        // `citypress init` and `citypress new`.
        .target(name: "CityPressScaffold", dependencies: ["CityPressCore", "CityPressLoad"]),
        // `citypress check`: reads a built site's pages and reports broken links and accessibility mistakes.
        .target(name: "CityPressCheck", dependencies: ["CityPressCore"]),
        // The preview server; the only target that imports Hummingbird.
        .target(
            name: "CityPressServer",
            dependencies: [
                "CityPressCore", "CityPressTemplates", "CityPressLoad", "CityPressSite", "CityPressRender",
                "CityPressBuild",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "citypress",
            dependencies: [
                "CityPressCore", "CityPressLoad", "CityPressRender", "CityPressPrint", "CityPressBuild",
                "CityPressScaffold", "CityPressServer", "CityPressCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzzer (`make fuzz`): mutated content files and templates through every stage but writing.
        .target(name: "CityPressFuzz", dependencies: ["CityPressCore", "CityPressBuild"]),
        .executableTarget(name: "citypress-fuzz", dependencies: ["CityPressFuzz"]),
        .testTarget(
            name: "CityPressTests",
            dependencies: [
                "CityPressCore", "CityPressMarkdown", "CityPressTemplates", "CityPressLoad", "CityPressSite",
                "CityPressRender", "CityPressWrite", "CityPressPrint", "CityPressBuild", "CityPressScaffold",
                // No HummingbirdTesting: its HTTP client brings NIOSSL, whose BoringSSL doubled CI's compile time.
                // The preview is tested through PreviewRoutes and a socket client against a real server.
                "CityPressServer", "CityPressCheck", "CityPressFuzz",
            ]
        ),
    ]
)
