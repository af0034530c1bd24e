import Foundation
import Logging
import StewardAWS
import StewardController
import StewardCore

/// The CLI's and the daemon's wiring of everything that reads AWS: the reconciler, the command
/// session's guards and status, all over one AWS client. Call `shutdown()` before exiting.
struct ControllerContext {
    let base: CommandContext
    let transport: AsyncHTTPClientTransport
    let aws: AWSClient
    let reconciler: Reconciler

    /// - Parameter countAWSCalls: count every AWS call in `steward_aws_calls_total` (the daemon's /metrics).
    init(options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment, countAWSCalls: Bool = false) throws {
        try self.init(base: try CommandContext(options: options, environment: environment, countAWSCalls: countAWSCalls),
                      environment: environment, countAWSCalls: countAWSCalls)
    }

    /// - Parameter fence: with `ha`, every mutating call to the estate asks it first (`steward run`).
    init(base: CommandContext, environment: [String: String] = ProcessInfo.processInfo.environment, countAWSCalls: Bool = false,
         fence: LeaseFence? = nil) throws {
        self.base = base
        transport = AsyncHTTPClientTransport()
        let counted: any AWSHTTPTransport = countAWSCalls ? AWSCallCountingTransport(wrapping: transport) : transport
        // Fenced outside the counter, so a call held back is not counted as sent.
        let sender: any AWSHTTPTransport = fence.map { LeaseFencedTransport(wrapping: counted, fence: $0) } ?? counted
        do {
            aws = try AWSClient.fromEnvironment(environment, transport: sender)
        } catch {
            // The pool is idle (nothing was sent); shutting it down needs no waiting here.
            let idle = transport
            Task { try? await idle.shutdown() }
            throw CommandFailure(message: "AWS configuration: \(error)")
        }
        reconciler = Reconciler(store: base.store, aws: aws, configuration: base.configuration, audit: base.auditLog)
    }

    /// The command session with everything that reads AWS: the edit-time quota guard and the
    /// status of what AWS holds.
    func commandSession(commandPrefix: String) -> CommandSession {
        let configuration = base.configuration
        let ec2 = EC2Client(client: aws)
        var session = CommandSession(
            store: base.store, policy: configuration.policy, defaultEnvironment: configuration.defaultEnvironment,
            guards: [QuotaEditGuard(observer: WhitelistObserver(ec2: ec2, settings: { configuration.whitelistSettings(for: $0) }), configuration: configuration)],
            statusSource: ControllerStatusSource(
                tiers: TierStage(clients: TierClients(client: aws), configuration: configuration),
                bastions: BastionStage(ec2: ec2, configuration: configuration), prices: configuration.tiers.prices),
            audit: base.auditRecorder, commandPrefix: commandPrefix)
        session.driftSource = ControllerDriftSource(reporter: DriftReporter(
            reconciler: reconciler, history: DriftCommand.historyStore(nil, context: base), desiredStateSource: base.desiredState.description))
        return session
    }

    func shutdown() async {
        try? await transport.shutdown()
    }

    static func environments(_ names: [String]) throws -> Set<EnvironmentName>? {
        guard !names.isEmpty else { return nil }
        var result: Set<EnvironmentName> = []
        for name in names {
            do { result.insert(try EnvironmentName(name)) } catch {
                throw CommandFailure(message: "--env \(name): \(error)")
            }
        }
        return result
    }
}
