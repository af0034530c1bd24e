import Logging
import ServiceLifecycle

/// Runs a Slack service so that its fatal error (a revoked token) stops Slack, loudly, but not
/// the daemon: expiries must still be revoked when chat is down. Waits for shutdown after.
struct SlackGuardedService: Service {
    let service: any Service
    let logger: Logger

    func run() async throws {
        do {
            try await service.run()
        } catch {
            logger.critical("Slack is disabled until steward restarts: \(error)")
            DaemonOutput.line("slack stopped: \(error)")
            try? await gracefulShutdown()
        }
    }
}
