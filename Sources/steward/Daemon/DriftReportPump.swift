import Foundation
import Logging
import ServiceLifecycle
import StewardController
import StewardCore
import StewardSlack

/// The daemon's drift reports: every finished pass becomes a report (history and metrics
/// always), and with `drift_report:` configured and a Slack bot token, alerts for each new
/// critical or high finding and its resolution (once each: the marks are in the history, so a
/// restart does not repeat them) and the digest when it is due. Digests are posted by the first
/// pass at or after their time, so they can be up to one reconcile interval late.
final class DriftReportPump: Service, Sendable {
    typealias Poster = @Sendable (SlackMessage) async -> Void

    private let reports: AsyncStream<ReconcileReport>
    private let sink: AsyncStream<ReconcileReport>.Continuation
    let reporter: DriftReporter
    let metrics: DriftMetrics
    let settings: DriftReportSettings?
    let post: Poster?
    let logger: Logger
    let clock: @Sendable () -> Date

    init(reporter: DriftReporter, metrics: DriftMetrics, settings: DriftReportSettings?, post: Poster?, logger: Logger,
         clock: @escaping @Sendable () -> Date = { Date() }) {
        (reports, sink) = AsyncStream.makeStream(of: ReconcileReport.self, bufferingPolicy: .bufferingNewest(4))
        self.reporter = reporter
        self.metrics = metrics
        self.settings = settings
        self.post = post
        self.logger = logger
        self.clock = clock
    }

    /// From the loop's `onReport`: never blocks.
    func publish(_ report: ReconcileReport) {
        sink.yield(report)
    }

    func run() async throws {
        let start = clock()
        // Kept in the history: a restart does not post a digest the schedule has already had.
        var lastDigest = (try? await reporter.history.load())?.lastDigestAt
        var firstCompletePass: Date?
        let prices = await reporter.reconciler.configuration.tiers.prices
        await withGracefulShutdownHandler {
            for await pass in reports {
                let observation = DriftObservation(report: pass, prices: prices, plannedChanges: pass.isDryRun)
                let acted = Set(pass.results.filter { $0.outcome == .applied }.flatMap(\.changedResourceIDs))
                let report: DriftReport
                do {
                    report = try await reporter.report(observation: observation, stewardActed: acted)
                } catch {
                    logger.error("drift report failed", metadata: ["error": "\(error)"])
                    continue
                }
                metrics.record(report)
                guard let settings, let post else { continue }
                do {
                    let alerts = try await reporter.history.modify { (history: inout DriftHistory) throws(DriftHistoryError) in
                        DriftAlerts.take(from: report, history: &history)
                    }
                    for line in alerts.lines() { await post(SlackMessage(text: ":rotating_light: " + line, channel: settings.channel)) }
                } catch {
                    logger.error("drift alerts could not be marked", metadata: ["error": "\(error)"])
                }
                let now = clock()
                if firstCompletePass == nil, !report.isIncomplete { firstCompletePass = now }
                if let due = DriftDigestSchedule(settings: settings).next(after: lastDigest, start: start, firstCompletePass: firstCompletePass),
                   now >= due {
                    await post(Self.digest(report, channel: settings.channel))
                    lastDigest = now
                    do {
                        try await reporter.history.modify { (history: inout DriftHistory) throws(DriftHistoryError) in history.lastDigestAt = now }
                    } catch {
                        logger.error("the digest time could not be kept", metadata: ["error": "\(error)"])
                    }
                }
            }
        } onGracefulShutdown: { [sink] in
            sink.finish()
        }
    }

    /// The report as Block Kit, within Slack's limits.
    static func digest(_ report: DriftReport, channel: String) -> SlackMessage {
        let message = DriftReportSlackRenderer.message(report, title: "Drift digest")
        let blocks = message.blocks.map { block in
            SlackBlock(type: SlackBlock.Kind(rawValue: block.type) ?? .section,
                       text: block.text.map { SlackText($0.text, type: $0.type == "plain_text" ? .plainText : .mrkdwn) })
        }
        return SlackMessage(text: message.text, blocks: blocks, channel: channel)
    }
}
