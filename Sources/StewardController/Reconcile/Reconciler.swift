import Foundation
import Logging
import StewardAWS
import StewardCore

/// One level-triggered pass, as a short list of intent: read desired state once, let every
/// stage observe and plan (guards included), execute the stages in order, report, audit.
/// `plan` stops before executing; `apply` executes a plan exactly as it was shown. What is
/// remembered between passes is `ReconcilerMemory`, nothing else.
public actor Reconciler {
    public let store: any DesiredStateStore
    public let configuration: StewardConfiguration
    public let audit: AuditLog?
    let whitelist: WhitelistStage
    let prefixLists: PrefixListStage
    let tiers: TierStage?
    let bastions: BastionStage?
    let ec2: EC2Client
    let logger: Logger
    let clock: @Sendable () -> Date
    public private(set) var memory = ReconcilerMemory()

    public init(
        store: any DesiredStateStore, aws: AWSClient, configuration: StewardConfiguration, audit: AuditLog?,
        stages: ReconcileStages = .all, logger: Logger = Logger(label: "steward.reconciler"), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.configuration = configuration
        self.audit = audit
        ec2 = EC2Client(client: aws)
        whitelist = WhitelistStage(ec2: ec2, configuration: configuration)
        prefixLists = PrefixListStage(ec2: ec2, configuration: configuration)
        tiers = stages.contains(.tiers) ? TierStage(clients: TierClients(client: aws), configuration: configuration) : nil
        bastions = stages.contains(.bastions) ? BastionStage(ec2: ec2, configuration: configuration) : nil
        self.logger = logger
        self.clock = clock
    }

    /// A dry run (`options.dryRun`) plans and reports; otherwise plans and applies.
    public func reconcile(_ options: ReconcileOptions = ReconcileOptions()) async -> ReconcileReport {
        let planned = await plan(options)
        return options.dryRun ? planned.report : await apply(planned)
    }

    /// Reads desired state, observes and plans every stage; changes nothing.
    public func plan(_ options: ReconcileOptions = ReconcileOptions()) async -> ReconcilePlan {
        let (pass, report) = await startPass(options)
        var planned = ReconcilePlan(report: report, pass: pass)
        guard let pass, !pass.targets.isEmpty else {
            planned.report.finishedAt = clock()
            return planned
        }
        let (whitelist, prefixLists, tiers, bastions) = (self.whitelist, self.prefixLists, self.tiers, self.bastions)
        async let whitelistPlan = whitelist.observeAndPlan(pass)
        async let prefixListPlan = prefixLists.observeAndPlan(pass)
        async let tierPlan = tiers?.observeAndPlan(pass)
        async let bastionPlan = bastions?.observeAndPlan(pass)
        (planned.whitelist, planned.prefixLists, planned.tiers, planned.bastions) = await (whitelistPlan, prefixListPlan, tierPlan, bastionPlan)
        planned.collect()
        planned.report.finishedAt = clock()
        return planned
    }

    /// Executes a plan as shown: the whitelist, then the tiers, then the bastions (a lease
    /// needs its environment running). Audits every result, refused ones included.
    public func apply(_ planned: ReconcilePlan) async -> ReconcileReport {
        var report = planned.report
        report.isDryRun = false
        guard let pass = planned.pass, report.failure == nil else {
            report.finishedAt = clock()
            return report
        }
        if let plan = planned.whitelist { report.results += await whitelist.execute(plan, pass: pass).results }
        if let plan = planned.prefixLists { report.results += await prefixLists.execute(plan, pass: pass).results }
        var tiersWaiting: Set<EnvironmentName> = []
        if let tiers, let plan = planned.tiers {
            let execution = await tiers.execute(plan, pass: pass)
            report.tierPlans = execution.plans ?? report.tierPlans
            report.results += execution.results
            report.observationProblems += execution.problems
            tiersWaiting = execution.waiting
        }
        var bastionWaiting = false
        if let bastions, let plan = planned.bastions {
            let execution = await bastions.execute(plan, pass: pass)
            report.results += execution.results
            bastionWaiting = !execution.waiting.isEmpty
        }
        let tierEnvironments = pass.targets.filter { !$0.isUnreadable }.map(\.environment)
        if tiers != nil {
            report.tierWarnings = memory.newWarnings(in: report.lastTierPlans, covering: tierEnvironments)
        }
        report.retryAt = memory.recheck(tiersWaiting: tiersWaiting, bastionWaiting: bastionWaiting, covering: tierEnvironments, now: clock())
        await record(report.results, now: pass.startedAt)
        report.finishedAt = clock()
        return report
    }

    /// Reads desired state once and decides what the pass covers.
    private func startPass(_ options: ReconcileOptions) async -> (ReconcilePass?, ReconcileReport) {
        let now = clock()
        var report = ReconcileReport(startedAt: now)
        report.isDryRun = true
        var snapshot: DesiredStateSnapshot?
        do {
            snapshot = try await store.load()
        } catch {
            // Nothing could be read: every environment last read well is unreadable now.
            report.desiredStateErrors.append(Diagnostic(.error, path: configuration.desiredStatePath, message: "\(error)"))
        }
        report.desiredStateErrors += snapshot?.allErrors ?? []
        report.desiredStateDiscrepancies = (snapshot?.discrepancies ?? []).filter { options.environments?.contains($0.environment) ?? true }
        let known = snapshot.map { Set($0.environments.keys).union($0.failures.keys).union(memory.lastGood.keys) }
        let (targets, refusals) = memory.targets(from: snapshot, selecting: options.environments)
        report.environments = targets.map(\.environment)
        report.unreadable = (snapshot?.failures ?? Dictionary(uniqueKeysWithValues: memory.lastGood.keys.map { ($0, []) }))
            .filter { options.environments?.contains($0.key) ?? true }
        report.refusals = refusals
        for target in targets {
            if let summary = target.desired.overrides?.summary(tier: target.desired.tier) { report.overrides[target.environment] = summary }
        }
        // Unreadable environments count too: their known entries still expire (and get revoked) on time.
        report.nextExpiry = targets.compactMap { $0.desired.nextExpiry(after: now) }.min()
        guard !targets.isEmpty else { return (nil, report) }

        // Orphans can only be told when all of desired state was read and the pass covers it all.
        let knownEnvironments = options.environments == nil ? known : nil
        let selected = knownEnvironments == nil ? targets.map(\.environment) : nil
        let (observer, ec2, configuration) = (whitelist.observer, ec2, configuration)
        let reads = PassReads(
            securityGroups: { try await observer.observe(selected, base: configuration.whitelist) },
            instances: { try await InstanceRead.instances(ec2: ec2, environmentTag: configuration.tiers.environmentTag, environments: selected) }
        )
        let pass = ReconcilePass(targets: targets, knownEnvironments: knownEnvironments, options: options, startedAt: now, clock: clock, reads: reads)
        return (pass, report)
    }

    private func record(_ results: [ActionResult], now: Date) async {
        guard let audit, !results.isEmpty else { return }
        do {
            try await audit.append(results.map { AuditRecord($0, actor: configuration.ownerID, time: now) })
        } catch {
            logger.error("audit log write failed", metadata: ["error": "\(error)"])
        }
    }
}
