// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "CityPress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "citypress", targets: ["citypress"]),
        .library(name: "CityPress", targets: ["CityPress"]),
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
        .target(
            name: "CityPress",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "CityPressServer",
            dependencies: [
                "CityPress",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "citypress",
            dependencies: [
                "CityPress",
                "CityPressServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CityPressTests",
            dependencies: [
                "CityPress",
                // No HummingbirdTesting: its HTTP client brings NIOSSL, whose BoringSSL doubled CI's compile time.
                // The preview is tested through PreviewRoutes and a socket client against a real server.
                "CityPressServer",
            ]
        ),
    ]
)
