import Logging
import ServiceLifecycle
import StewardCore

/// Runs the desired-state change feed (the YAML directory's watch, a DynamoDB stream) as a
/// service of the daemon: every change it sees rings the loop's wake signal; shutdown stops it.
struct ChangeFeedService: Service {
    let feed: any DesiredStateChangeFeed
    let wake: WakeSignal
    let logger: Logger

    func run() async throws {
        let wake = self.wake, logger = self.logger, feed = self.feed
        try await cancelWhenGracefulShutdown {
            try await feed.run { change in
                logger.debug("wake requested", metadata: ["reason": "\(change)"])
                wake.ring()
            }
        }
    }
}
