import ArgumentParser
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import StewardAWS
import StewardController
import StewardCore

/// `steward run`: the daemon. One service group holds the HTTP endpoints, the desired-state
/// watcher and the reconcile loop; SIGTERM/SIGINT shut them down gracefully, the loop last to
/// start and first to stop, so an apply in flight finishes while /healthz still answers.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the controller: reconcile loop, desired-state watch, /healthz /readyz /metrics.",
        discussion: """
        Reconciles every environment at start, every interval (±10% jitter), right after a change \
        under the desired-state directory and just after each entry's expiry. Prints \
        'listening on HOST:PORT' and 'first reconcile completed in N ms' (once a reconcile \
        succeeded; 'first reconcile failed in N ms: REASON' when the first did not) on stdout; \
        logs go to stderr. Under systemd (NOTIFY_SOCKET) it sends READY=1 after the first \
        successful reconcile and WATCHDOG=1 after every pass; with 'ha', a standby sends READY=1 \
        once it has read who leads and WATCHDOG=1 after every answer from the lease table. SIGTERM or SIGINT finish the \
        reconcile in flight, then exit 0.
        """
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp(
        "Address for /healthz, /readyz and /metrics (default: listen_address from the config, else 127.0.0.1:9090; port 0 picks a free port).",
        valueName: "host:port"))
    var listen: String?
    @Option(help: ArgumentHelp("Reconcile interval such as 60s or 5m (default: reconcile_interval from the config, else 60s).", valueName: "duration"))
    var interval: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"
    @Option(help: "Log format: json (one object per line, for a log platform) or text (default: json unless stderr is a terminal).")
    var logFormat: LogFormat?

    func validate() throws {
        if let listen {
            do { _ = try ListenAddress(parsing: listen) } catch { throw ValidationError("--listen: \(error)") }
        }
        if let interval {
            do { _ = try TimeSpan(parsing: interval) } catch { throw ValidationError("--interval: \(error)") }
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level '\(logLevel)' is not one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        ProcessUptime.mark()
        (logFormat ?? .standard).bootstrap(level: Logger.Level(rawValue: logLevel) ?? .info)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "steward.run")

        let base = try CommandContext(options: options, countAWSCalls: true)
        let lease = try Self.leaseParts(base)
        let context = try ControllerContext(base: base, countAWSCalls: true, fence: lease?.fence)
        do {
            try await serve(context, lease: lease, registry: registry, logger: logger)
        } catch {
            await context.shutdown()
            throw CommandFailure(message: "steward run: \(error)")
        }
        await context.shutdown()
    }

    /// With `ha`: the fence the controller's AWS client consults and the lease's table, over its
    /// own client (unfenced: a standby must read and write the lease). Refuses YAML-only desired
    /// state: two replicas can't share a local directory, and an edit taken by one would never
    /// reach the other.
    static func leaseParts(_ base: CommandContext, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (fence: LeaseFence, table: LeaseTable)? {
        guard let ha = base.configuration.ha else { return nil }
        guard let dynamoDB = base.configuration.desiredState.dynamoDB else {
            throw CommandFailure(message: """
                steward run: 'ha' needs desired state that every replica shares, but desired state is a YAML directory only; \
                configure the DynamoDB store (desired_state.dynamodb: whitelist_table and environments_table) in steward.yaml, \
                or remove 'ha' to run one replica
                """)
        }
        if dynamoDB.environmentsTable == nil {
            StandardError.write("""
                warning: 'ha' without desired_state.dynamodb.environments_table: each replica keeps its own drift history file, \
                so a new leader reports old findings as new; configure the environments table to share it
                """)
        }
        let client = try CommandContext.storeClient(dynamoDB, environment: environment, countAWSCalls: true)
        let fence = LeaseFence(identity: ReplicaIdentity.make(environment: environment), timing: ha.timing)
        return (fence, LeaseTable(dynamoDB: DynamoDBClient(client: client), table: ha.leaseTable, leaseName: ha.leaseName, timing: ha.timing))
    }

    private func serve(_ context: ControllerContext, lease parts: (fence: LeaseFence, table: LeaseTable)?, registry: PrometheusCollectorRegistry,
                       logger: Logger) async throws {
        let configuration = context.base.configuration
        let address: ListenAddress
        let span: TimeSpan
        do {
            address = try ListenAddress(parsing: listen ?? configuration.listenAddress)
            span = try interval.map { try TimeSpan(parsing: $0) } ?? configuration.reconcileInterval
        } catch {
            throw CommandFailure(message: "\(error)")
        }

        let status = ReconcileStatus()
        // One doorbell for everything that changes desired state: the change feed, Slack edits.
        let wake = WakeSignal()
        let slack = try await SlackWiring.make(context: context, wake: wake, lease: parts, logger: logger)
        let drift = DriftReportPump(
            reporter: DriftReporter(reconciler: context.reconciler,
                                    history: DriftCommand.historyStore(nil, context: context.base,
                                                                       leaderGuard: parts.map { LeaseEpochGuard(table: $0.table, fence: $0.fence) }),
                                    desiredStateSource: context.base.desiredState.description),
            metrics: DriftMetrics(), settings: configuration.driftReport, post: slack?.driftPoster, logger: Logger(label: "steward.drift"))
        let progress = DaemonProgress(notifier: try SystemdNotifier.fromEnvironment(), logger: logger)  // stdout lines, systemd
        let lease = parts.map { parts in
            LeaderLease(table: parts.table, fence: parts.fence, wake: wake, logger: Logger(label: "steward.lease"),
                        onObservation: { progress.leaseObserved($0, replica: parts.fence.identity) })
        }
        if let parts { progress.checkLeaseCadence(renewEvery: parts.table.timing.renewEvery) }
        let liveness = DaemonLiveness(loopInterval: .seconds(span.seconds), lease: lease)
        let loop = ReconcileLoop(
            reconciler: context.reconciler,
            schedule: progress.schedule(interval: .seconds(span.seconds)),
            status: status,
            metrics: ReconcileMetrics(),
            wake: wake,
            logger: Logger(label: "steward.loop"),
            leadership: parts?.fence,
            beforePass: { await slack?.passStarting() },
            onReport: { report, snapshot in
                liveness.passed()
                slack?.reconciled(report)
                drift.publish(report)
                progress.reconciled(snapshot)
            }
        )
        let feed = ChangeFeedService(feed: context.base.desiredState.changeFeed, wake: wake, logger: Logger(label: "steward.watch"))
        let http = DaemonHTTPServer.application(address: address, status: status, registry: registry, logger: Logger(label: "steward.http"),
                                               liveness: liveness, lease: parts?.fence,
                                               routes: { slack?.registerRoutes(on: $0) })

        logger.info("steward run starting", metadata: [
            "desired_state": "\(context.base.desiredState.description)",
            "interval": "\(span)",
            "listen": "\(address)",
            "replica": "\(parts?.fence.identity ?? "single")",
        ])
        // Shut down in reverse order: the loop first (finishing its pass), the HTTP server last.
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            // The lease stops after the loop (its pass finished), so it is released once nothing writes.
            services: [http, feed, drift] + (lease.map { [$0] } ?? []) + [loop] + (slack?.services ?? []) + [progress],  // progress hears of shutdown first, then Slack
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        try await group.run()
        logger.info("steward run stopped")
    }
}
