import StewardCore

/// Several feeds as one (the YAML directory's watch and the DynamoDB streams): any of them
/// wakes the listener; one failing ends the whole, so the daemon sees it.
public struct MergedChangeFeed: DesiredStateChangeFeed {
    public let feeds: [any DesiredStateChangeFeed]

    public init(_ feeds: [any DesiredStateChangeFeed]) {
        self.feeds = feeds
    }

    public func run(onChange: @escaping @Sendable (DesiredStateChange) -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for feed in feeds {
                group.addTask { try await feed.run(onChange: onChange) }
            }
            try await group.waitForAll()
        }
    }
}
