// swift-tools-version:6.2
import PackageDescription

/// Hummingbird's `router.ws {}` is `@preconcurrency`, so a data race captured by a WebSocket handler
/// would otherwise only warn; we make it an error everywhere.
let swiftSettings: [SwiftSetting] = [
    .treatWarning("SendableClosureCaptures", as: .error),
    .enableUpcomingFeature("ExistentialAny"),
]

/// The NLU trains at start-up on about 19,000 examples. Tests, CI and `swift run` use debug builds, where
/// unoptimised training took minutes per server start; these targets are optimised in every build.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "shoptalk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "shoptalk", targets: ["shoptalk"]),
        .library(name: "ShopTalkCore", targets: ["ShopTalkCore"]),
        .library(name: "ShopTalkServer", targets: ["ShopTalkServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        /// Domain, chat pipeline, NLU, dialogue and handlers. Knows nothing of HTTP or SQLite.
        /// The intent model's inner loops.
        .target(
            name: "ShopTalkNumerics",
            swiftSettings: swiftSettings + optimisedInDebug
        ),
        .target(
            name: "ShopTalkCore",
            dependencies: [
                "ShopTalkNumerics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            // The demo store's policies, as an owner would write them: Markdown files in a folder.
            resources: [.copy("Demo/Policies")],
            swiftSettings: swiftSettings + optimisedInDebug
        ),
        /// Hummingbird + WebSocket wiring and the GRDB store.
        .target(
            name: "ShopTalkServer",
            dependencies: [
                "ShopTalkCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        /// The thin `shoptalk` command line.
        .executableTarget(
            name: "shoptalk",
            dependencies: [
                "ShopTalkServer",
                "ShopTalkCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ShopTalkCoreTests",
            dependencies: ["ShopTalkCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ShopTalkServerTests",
            dependencies: [
                "ShopTalkServer",
                "ShopTalkCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            // Read from the source tree by path (#filePath), not bundled.
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
