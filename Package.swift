// swift-tools-version:6.2
// Hummingbird, AsyncHTTPClient and swift-prometheus need tools 6.2; Swift 6 language mode
// (strict concurrency) is the default at this tools version.
import PackageDescription

let package = Package(
    name: "Steward",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "steward", targets: ["steward"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        // Already in the graph through async-http-client; named so StewardAWS can classify
        // NIO errors and the test support can run local HTTP servers.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        // Socket Mode client (libcurl here has no WebSocket, so URLSession can't do it).
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.2"),
        // Only the Slack emulator in the tests serves WebSockets.
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
    ],
    targets: [
        // Value types, validation, policy, planner, reports, grammar and the seams. Foundation only.
        .target(name: "StewardCore"),
        // SigV4, credentials, endpoints, transport, protocols, retries, typed clients. Knows no Core.
        .target(
            name: "StewardAWS",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Reusable test harness (moto_server, local HTTP servers, aws CLI/boto3 helpers) for
        // every test target that talks to AWS. Not a test target, so others can depend on it.
        .target(
            name: "StewardTestSupport",
            dependencies: [
                "StewardAWS",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/StewardTestSupport"
        ),
        // DesiredStateStore implementations and their change feeds (the YAML directory and its
        // watch; DynamoDB and its stream next), chosen by configuration.
        .target(
            name: "StewardStore",
            dependencies: [
                "StewardCore",
                "StewardAWS",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Observer (AWS -> ObservedState), Executor (Plan -> AWS), reconciler, audit log.
        .target(
            name: "StewardController",
            dependencies: [
                "StewardCore",
                "StewardAWS",
                "StewardStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Slack: Socket Mode client, HTTP-mode receiver, Web API client. Core only (edits go
        // through the DesiredStateStore seam); never AWS or Store.
        .target(
            name: "StewardSlack",
            dependencies: [
                "StewardCore",
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // A local emulator of Slack's servers (Web API, Socket Mode WebSocket, response_url),
        // written from Slack's protocol, for the tests and the Slack benchmark.
        .target(
            name: "SlackEmulator",
            dependencies: [
                "StewardTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            path: "Tests/SlackEmulator"
        ),
        // A local CloudTrail (LookupEvents; moto lacks it), written from the API reference,
        // for the attribution tests.
        .target(
            name: "CloudTrailEmulator",
            dependencies: ["StewardTestSupport"],
            path: "Tests/CloudTrailEmulator"
        ),
        .executableTarget(
            name: "steward",
            dependencies: [
                "StewardCore",
                "StewardSlack",
                "StewardStore",
                "StewardController",
                "StewardAWS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `steward health` probes /healthz (already linked through StewardAWS).
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                // The daemon serves its router on HummingbirdCore's server directly (issue 4).
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "steward-bench",
            dependencies: ["StewardCore", "StewardStore"],
            path: "Benchmarks/steward-bench"
        ),
        .executableTarget(
            name: "loop-bench",
            dependencies: ["StewardController", "StewardTestSupport"],
            path: "Benchmarks/loop-bench"
        ),
        .executableTarget(
            name: "slack-bench",
            dependencies: ["SlackEmulator", "StewardTestSupport", "StewardAWS"],
            path: "Benchmarks/slack-bench"
        ),
        .executableTarget(
            name: "tier-bench",
            dependencies: ["StewardController", "StewardTestSupport"],
            path: "Benchmarks/tier-bench"
        ),
        // Loads 10,000 whitelist items from DynamoDB (moto): calls, decode time, steady-state reads.
        .executableTarget(
            name: "dynamo-bench",
            dependencies: ["StewardStore", "StewardAWS", "StewardTestSupport"],
            path: "Benchmarks/dynamo-bench"
        ),
        .executableTarget(
            name: "drift-bench",
            dependencies: ["StewardController", "StewardStore", "StewardTestSupport"],
            path: "Benchmarks/drift-bench"
        ),
        // One leader over 500 environments (whitelist and tiers) against moto: pass time, AWS
        // calls per pass by service and operation, Steward's own CPU time per pass.
        .executableTarget(
            name: "scale-bench",
            dependencies: ["StewardController", "StewardStore", "StewardTestSupport"],
            path: "Benchmarks/scale-bench"
        ),
        .executableTarget(
            name: "aws-bench",
            dependencies: ["StewardAWS", "StewardTestSupport"],
            path: "Benchmarks/aws-bench"
        ),
        .testTarget(
            name: "StewardCoreTests",
            dependencies: [
                "StewardCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Spawned several times by StewardStoreTests: concurrent writers from separate processes.
        .executableTarget(
            name: "steward-store-stress",
            dependencies: ["StewardStore", "StewardAWS"],
            path: "Tests/StoreStress"
        ),
        .testTarget(
            name: "StewardStoreTests",
            dependencies: [
                "StewardStore",
                "StewardTestSupport",
                "steward-store-stress",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "StewardAWSTests",
            dependencies: [
                "StewardAWS",
                "StewardTestSupport",
                "CloudTrailEmulator",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "StewardControllerTests",
            dependencies: [
                "StewardController",
                "StewardAWS",
                "StewardStore",
                "StewardSlack",
                "StewardTestSupport",
                "CloudTrailEmulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "StewardSlackTests",
            dependencies: [
                "StewardSlack",
                "SlackEmulator",
                "StewardTestSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The executable's own glue (report → Slack words, the lease-table follow-up ledger against moto), through `@testable import steward`.
        .testTarget(
            name: "StewardDaemonTests",
            dependencies: ["steward", "StewardAWS", "StewardController", "StewardCore", "StewardSlack", "StewardTestSupport"]
        ),
        .testTarget(
            name: "StewardCLITests",
            dependencies: ["StewardCore", "StewardTestSupport"]
        ),
        // deploy/: the Dockerfile, the Terraform module (python-hcl2 and checkov) and the systemd unit.
        .testTarget(
            name: "StewardDeployTests",
            dependencies: ["StewardTestSupport"]
        ),
    ]
)
