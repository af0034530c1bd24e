import Foundation
import Logging
import ServiceLifecycle
import StewardController
import StewardCore
import StewardSlack

/// Carries each finished reconcile from the loop (whose `onReport` must not wait) to the Slack
/// side: follow-ups for the commands it settles, notifications of what it did, and warnings of
/// what is about to expire.
final class SlackReportPump: Service, Sendable {
    private let reports: AsyncStream<ReconcileReport>
    private let sink: AsyncStream<ReconcileReport>.Continuation
    let followUps: FollowUpTracker
    let notifier: (any Notifier)?
    let store: any DesiredStateStore
    let settings: SlackSettings
    /// Rung when a follow-up another replica recorded waits for a pass that has not started.
    let wake: WakeSignal?
    let logger: Logger

    init(followUps: FollowUpTracker, notifier: (any Notifier)?, store: any DesiredStateStore, settings: SlackSettings, wake: WakeSignal? = nil,
         logger: Logger) {
        // Only the latest few matter if Slack is slow: each pass re-reads everything anyway.
        (reports, sink) = AsyncStream.makeStream(of: ReconcileReport.self, bufferingPolicy: .bufferingNewest(64))
        self.followUps = followUps
        self.notifier = notifier
        self.store = store
        self.settings = settings
        self.wake = wake
        self.logger = logger
    }

    /// Called from the loop's `onReport`: never blocks.
    func publish(_ report: ReconcileReport) {
        sink.yield(report)
    }

    func run() async throws {
        var warnings = ExpiryWarnings(whitelistLead: settings.warnBeforeWhitelist, bastionLead: settings.warnBeforeBastion)
        await withGracefulShutdownHandler {
            for await report in reports {
                if await followUps.reconciled(report.slackOutcome) { wake?.ring() }
                guard let notifier else { continue }
                for notification in report.slackNotifications { await notifier.notify(notification) }
                if let snapshot = try? await store.load() {
                    for notification in warnings.warnings(for: snapshot, now: Date()) { await notifier.notify(notification) }
                }
            }
        } onGracefulShutdown: { [sink] in
            sink.finish()
        }
    }
}
