// swift-tools-version:6.0
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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "citypress",
            dependencies: [
                "CityPress",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CityPressTests",
            dependencies: ["CityPress"],
            resources: []
        ),
    ]
)
