import Foundation
import Logging
import StewardAWS
import StewardController
import StewardCore

/// The CLI's wiring of the reconciler: configuration and store from `CommandContext`, AWS from
/// the SDK-standard environment. Call `shutdown()` before exiting.
struct ControllerContext {
    let base: CommandContext
    let transport: AsyncHTTPClientTransport
    let reconciler: Reconciler
    let observer: WhitelistObserver
    /// What AWS holds, for `infra status` and `bastion status`.
    let statusSource: ControllerStatusSource

    /// - Parameter countAWSCalls: count every AWS call in `steward_aws_calls_total` (the daemon's /metrics).
    init(options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment, countAWSCalls: Bool = false) throws {
        try self.init(base: try CommandContext(options: options, environment: environment), environment: environment, countAWSCalls: countAWSCalls)
    }

    init(base: CommandContext, environment: [String: String] = ProcessInfo.processInfo.environment, countAWSCalls: Bool = false) throws {
        self.base = base
        transport = AsyncHTTPClientTransport()
        let sender: any AWSHTTPTransport = countAWSCalls ? AWSCallCountingTransport(wrapping: transport) : transport
        let aws: AWSClient
        do {
            aws = try AWSClient.fromEnvironment(environment, transport: sender)
        } catch {
            // The pool is idle (nothing was sent); shutting it down needs no waiting here.
            let idle = transport
            Task { try? await idle.shutdown() }
            throw CommandFailure(message: "AWS configuration: \(error)")
        }
        let configuration = base.configuration
        let ec2 = EC2Client(client: aws)
        observer = WhitelistObserver(ec2: ec2, settings: { configuration.whitelistSettings(for: $0) })
        let clients = TierClients(client: aws)
        let tiers = TierReconciler(
            observer: TierObserver(clients: clients, configuration: configuration),
            executor: TierExecutor(clients: clients, ownerID: configuration.ownerID, environmentTag: configuration.tiers.environmentTag),
            ownerID: configuration.ownerID
        )
        let bastions = BastionReconciler(ec2: ec2, configuration: configuration)
        statusSource = ControllerStatusSource(tiers: tiers, prices: configuration.tiers.prices) { environment, lease in
            do {
                return BastionStatus.observedText(try await bastions.status(environment: environment, lease: lease))
            } catch {
                return "could not read bastion instances from AWS: \(error)"
            }
        }
        reconciler = Reconciler(
            store: base.store,
            observer: observer,
            executor: WhitelistExecutor(ec2: ec2, ownerID: configuration.ownerID),
            configuration: configuration,
            audit: base.auditLog,
            tiers: tiers,
            bastions: bastions
        )
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
