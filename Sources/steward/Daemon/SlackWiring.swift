import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import StewardController
import StewardCore
import StewardSlack

/// Plugs Slack into `steward run`: the Socket Mode client (or the HTTP-mode route), the
/// responder over the same command session as the CLI (guards and AWS status included),
/// follow-ups and notifications fed from the loop's reports. nil from `make` when no Slack
/// token is configured: the daemon then runs without Slack.
final class SlackWiring: Sendable {
    let services: [any Service]
    private let pump: SlackReportPump
    private let followUps: FollowUpTracker
    private let route: SlackHTTPRoute?
    /// Posts drift alerts and digests (`drift_report:`); nil when not configured.
    let driftPoster: DriftReportPump.Poster?

    private init(services: [any Service], pump: SlackReportPump, followUps: FollowUpTracker, route: SlackHTTPRoute?,
                 driftPoster: DriftReportPump.Poster?) {
        self.services = services
        self.pump = pump
        self.followUps = followUps
        self.route = route
        self.driftPoster = driftPoster
    }

    /// - Parameters:
    ///   - wake: rung after every edit a command writes, so the loop reconciles it now.
    ///   - lease: with `ha`, follow-ups go through the lease table, so the leader answers a
    ///     command whichever replica Slack gave it to.
    static func make(context: ControllerContext, wake: WakeSignal, lease: (fence: LeaseFence, table: LeaseTable)? = nil,
                     environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger) async throws -> SlackWiring? {
        let configuration = context.base.configuration
        let settings = configuration.slack
        let credentials = try await SlackSecrets.resolve(environment: environment, secretID: settings.secretID, transport: context.transport)
        guard credentials.appToken != nil || credentials.botToken != nil || credentials.signingSecret != nil else { return nil }
        let slackLogger = Logger(label: "steward.slack")
        let api = SlackWebAPI(baseURL: environment["SLACK_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? SlackWebAPI.defaultBaseURL)

        let shared = lease.map { LeaseTableFollowUpLedger(table: $0.table, epochGuard: LeaseEpochGuard(table: $0.table, fence: $0.fence), logger: slackLogger) }
        let followUps = FollowUpTracker(replica: lease?.fence.identity ?? "local", shared: shared, logger: slackLogger) { url, message in
            try await api.respond(to: url, with: message)
        }
        var notifier: SlackNotifier?
        if let channel = settings.notifyChannel {
            guard let bot = credentials.botToken else {
                throw CommandFailure(message: "Slack: slack.notify_channel is set but no bot token is: set SLACK_BOT_TOKEN "
                    + "(or bot_token in the secret), or remove notify_channel")
            }
            notifier = SlackNotifier(channel: channel, api: api, botToken: bot, logger: slackLogger)
        }
        let pump = SlackReportPump(followUps: followUps, notifier: notifier, store: context.base.store, settings: settings, wake: wake,
                                   logger: slackLogger)
        if settings.editsAreClosed {
            logger.warning("Slack edits are refused: no slack.allowed_users, slack.allowed_channels or slack.permissions in steward.yaml say who may make them; reads (list, status, help) still answer")
        }
        let responder = SlackCommandResponder(
            session: context.commandSession(commandPrefix: "/"), access: SlackAccessPolicy(settings: settings),
            workspace: try await workspace(api: api, credentials: credentials),
            followUps: followUps, logger: slackLogger, onEdit: { _ in wake.ring() })

        var services: [any Service] = [pump]
        if let notifier { services.append(notifier) }
        var route: SlackHTTPRoute?
        switch settings.mode {
        case .socket:
            guard let app = credentials.appToken else {
                throw CommandFailure(message: "Slack: Socket Mode needs the app-level token: set SLACK_APP_TOKEN (xapp-…, scope "
                    + "connections:write) or app_token in the secret, or set slack.mode: http")
            }
            let client = SocketModeClient(appToken: app, api: api, configuration: socketConfiguration(environment), logger: slackLogger) { command in
                await responder.respond(to: command)
            }
            services.append(SlackGuardedService(service: client, logger: slackLogger))
        case .http:
            guard let secret = credentials.signingSecret else {
                throw CommandFailure(message: "Slack: HTTP mode needs the signing secret: set SLACK_SIGNING_SECRET, or set slack.mode: socket")
            }
            route = SlackHTTPRoute(verifier: SlackRequestVerifier(signingSecret: secret), responder: responder)
        }
        logger.info("Slack enabled", metadata: ["mode": "\(settings.mode.rawValue)", "notify_channel": "\(settings.notifyChannel ?? "none")"])
        var driftPoster: DriftReportPump.Poster?
        if configuration.driftReport != nil {
            guard let bot = credentials.botToken else {
                throw CommandFailure(message: "Slack: drift_report is set but no bot token is: set SLACK_BOT_TOKEN (or bot_token in the secret), or remove drift_report")
            }
            driftPoster = { message in
                do { try await api.postMessage(message, botToken: bot) } catch {
                    slackLogger.warning("could not post a drift message", metadata: ["error": "\(error)"])
                }
            }
        }
        return SlackWiring(services: services, pump: pump, followUps: followUps, route: route, driftPoster: driftPoster)
    }

    /// Which workspace and app commands must come from, as Slack says of our own tokens. A token
    /// Slack won't identify stops Slack (as a revoked one would): commands can't be checked.
    private static func workspace(api: SlackWebAPI, credentials: SlackCredentials) async throws -> SlackWorkspace {
        var workspace = SlackWorkspace()
        do {
            if let bot = credentials.botToken { workspace.teamID = try await api.identify(bot).teamID }
            if let app = credentials.appToken { workspace.appID = try await api.identify(app).appID }
        } catch {
            throw CommandFailure(message: "Slack: auth.test could not say which workspace and app Steward's tokens belong to: \(error); "
                + "check SLACK_BOT_TOKEN and SLACK_APP_TOKEN")
        }
        return workspace
    }

    /// Test hooks for timing (`STEWARD_SLACK_PING_INTERVAL=1s` etc.); production keeps the defaults.
    private static func socketConfiguration(_ environment: [String: String]) -> SocketModeConfiguration {
        var configuration = SocketModeConfiguration()
        func span(_ key: String) -> Duration? {
            environment[key].flatMap { try? TimeSpan(parsing: $0) }.map { .seconds($0.seconds) }
        }
        if let ping = span("STEWARD_SLACK_PING_INTERVAL") { configuration.pingInterval = ping }
        return configuration
    }

    /// From the loop's `onReport`.
    func reconciled(_ report: ReconcileReport) {
        pump.publish(report)
    }

    /// From the loop, just before a pass: with `ha`, notes the follow-ups other replicas have
    /// recorded, so the pass about to read their edits answers them.
    func passStarting() async {
        await followUps.passStarting()
    }

    /// HTTP mode's `/slack/commands`; nothing in Socket Mode.
    func registerRoutes(on router: Router<BasicRequestContext>) {
        route?.register(on: router)
    }
}
