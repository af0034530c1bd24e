import Logging
import ServiceLifecycle
import StewardCore

/// The Core `Notifier` seam, over `chat.postMessage` to one channel. `notify` only enqueues
/// (the reconcile loop never waits on Slack); `run()` posts in order, at most one message per
/// `interval` per channel, waits out 429s for their Retry-After, and drops a text identical to
/// one sent within `repeatWindow`.
public final class SlackNotifier: Notifier, Service, Sendable {
    public typealias Poster = @Sendable (SlackMessage) async throws -> Void

    let channel: String
    let post: Poster
    let interval: Duration
    let repeatWindow: Duration
    let maximumAttempts: Int
    let logger: Logger
    let sleep: @Sendable (Duration) async throws -> Void
    private let queue: AsyncStream<StewardNotification>
    private let sink: AsyncStream<StewardNotification>.Continuation

    public init(channel: String, interval: Duration = .seconds(1), repeatWindow: Duration = .seconds(3600),
                maximumAttempts: Int = 5, backlog: Int = 500, logger: Logger = Logger(label: "steward.slack"),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                post: @escaping Poster) {
        self.channel = channel
        self.post = post
        self.interval = interval
        self.repeatWindow = repeatWindow
        self.maximumAttempts = max(1, maximumAttempts)
        self.logger = logger
        self.sleep = sleep
        // A Slack outage must not grow memory without bound: past the backlog, the oldest go.
        (queue, sink) = AsyncStream.makeStream(of: StewardNotification.self, bufferingPolicy: .bufferingNewest(backlog))
    }

    /// Posts through `chat.postMessage` with the bot token.
    public convenience init(channel: String, api: SlackWebAPI, botToken: SlackToken, logger: Logger = Logger(label: "steward.slack")) {
        self.init(channel: channel, logger: logger) { message in
            try await api.postMessage(message, botToken: botToken)
        }
    }

    public func notify(_ notification: StewardNotification) async {
        sink.yield(notification)
    }

    /// Stops taking notifications; `run()` posts what is queued and returns.
    public func finish() {
        sink.finish()
    }

    public func run() async throws {
        var pacer = ChannelPacer(interval: interval)
        var recent = RecentMessages(window: repeatWindow)
        await withGracefulShutdownHandler {
            for await notification in queue {
                guard recent.admit(notification.text, now: .now) else {
                    logger.debug("notification not repeated", metadata: ["environment": "\(notification.environment?.rawValue ?? "all")"])
                    continue
                }
                await deliver(notification, pacer: &pacer)
            }
        } onGracefulShutdown: { [sink] in
            sink.finish()
        }
    }

    private func deliver(_ notification: StewardNotification, pacer: inout ChannelPacer) async {
        let message = SlackMessage.notification(notification, channel: channel)
        for attempt in 1...maximumAttempts {
            let wait = pacer.reserve(channel, now: .now)
            if wait > .zero { try? await sleep(wait) }
            do {
                try await post(message)
                return
            } catch let error as SlackError {
                guard case .rateLimited(_, let retryAfter) = error, attempt < maximumAttempts else {
                    logger.warning("could not post a notification", metadata: ["kind": "\(notification.kind.rawValue)", "error": "\(error)"])
                    return
                }
                pacer.block(channel, until: .now + retryAfter)
            } catch {
                logger.warning("could not post a notification", metadata: ["kind": "\(notification.kind.rawValue)", "error": "\(error)"])
                return
            }
        }
    }
}
