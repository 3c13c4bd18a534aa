// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gazette", targets: ["gazette"]),
        .library(name: "GazetteKit", targets: ["GazetteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // A per-thread memory region libxml2 allocates from while a page is extracted.
        .target(name: "CLibXML2Region"),
        .target(
            name: "GazetteKit",
            dependencies: [
                "CCurl", "CLibXML2", "CLibXML2Region", "COpenSSL",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            // `Render/Templates` is a link to the top-level `Templates/`: the defaults are compiled in.
            resources: [.embedInCode("Render/Templates")],
            // MemberImportVisibility: a file sees members of a module (libxml2, libcurl) only if it
            // imports it, so the C walls hold per file.
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "gazette",
            dependencies: [
                "GazetteKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Drives bench/render and bench/smtp; not a product.
        .executableTarget(
            name: "gazette-bench",
            dependencies: ["GazetteKit"],
            path: "Sources/gazette-bench"
        ),
        .testTarget(
            name: "GazetteKitTests",
            dependencies: ["GazetteKit", "CLibXML2Region"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
