import Foundation
import Logging
import SlackEmulator
import StewardSlack

/// Runs a `SocketModeClient` against an emulator for one test body, then stops it (task
/// cancellation) on every path. Returns the error `run()` ended with, if any.
enum SocketModeRun {
    static func configuration(ping: Duration = .seconds(1)) -> SocketModeConfiguration {
        var configuration = SocketModeConfiguration()
        configuration.pingInterval = ping
        configuration.helloTimeout = .seconds(5)
        configuration.closeTimeout = .seconds(1)
        configuration.quietBeforeClose = .milliseconds(300)
        configuration.backoff = ReconnectBackoff(base: .milliseconds(100), cap: .seconds(2))
        return configuration
    }

    @discardableResult
    static func with(
        _ emulator: SlackEmulator,
        appToken: String? = nil,
        configuration: SocketModeConfiguration = configuration(),
        logger: Logger = Logger(label: "test.slack"),
        handler: @escaping SocketModeClient.SlashCommandHandler = { SlackMessage(text: "ok: \($0.command) \($0.text)") },
        _ body: (ClientEvents) async throws -> Void
    ) async throws -> SlackError? {
        let events = ClientEvents()
        let client = SocketModeClient(
            appToken: SlackToken(appToken ?? emulator.appToken, kind: .app), api: SlackWebAPI(baseURL: emulator.apiURL),
            configuration: configuration, logger: logger, onEvent: { events.record($0) }, onSlashCommand: handler)
        let ended = Recorder<SlackError>()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do { try await client.run() } catch let error as SlackError { ended.append(error) }
            }
            do {
                try await body(events)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
        return ended.all.first
    }

    /// Runs the client until `run()` returns by itself (a fatal error), bounded.
    static func untilItStops(_ emulator: SlackEmulator, appToken: String? = nil, logger: Logger = Logger(label: "test.slack"),
                             timeout: Duration = .seconds(10)) async throws -> SlackError? {
        try await with(emulator, appToken: appToken, logger: logger) { events in
            _ = await events.wait(timeout: timeout) { events in
                events.contains { if case .disconnected(_, let error?) = $0, error.isFatal { true } else { false } }
            }
        }
    }
}
