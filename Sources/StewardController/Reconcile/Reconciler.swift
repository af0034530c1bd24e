import Foundation
import Logging
import StewardCore

/// One level-triggered pass: read all desired state, observe AWS, plan, hold back what the
/// guards refuse, execute, audit. Every pass starts from scratch; the only memory kept between
/// passes is the last good desired state per environment, for failing closed.
public actor Reconciler {
    public let store: any DesiredStateStore
    public let observer: WhitelistObserver
    public let executor: WhitelistExecutor
    public let configuration: StewardConfiguration
    public let audit: AuditLog?
    let logger: Logger
    let clock: @Sendable () -> Date
    let planner: WhitelistPlanner
    /// Environment tiers; nil when the caller only reconciles the whitelist (its tests).
    public let tiers: TierReconciler?
    /// Bastion leases; nil when the caller only reconciles the whitelist.
    public let bastions: BastionReconciler?
    /// Warnings already reported (resource + message): a database that can't stop is
    /// warned about once, not every loop, until the warning goes away.
    private var warned: Set<String> = []
    /// Consecutive passes in which an environment's tier was still waiting on AWS: the
    /// recheck backs off 2 s, 4 s, … up to a minute.
    private var waitStreak: [EnvironmentName: Int] = [:]
    /// The last state each environment's file validated to: when the file later breaks, only
    /// entries this says have expired may still be revoked.
    private var lastGood: [EnvironmentName: DesiredState] = [:]

    public init(
        store: any DesiredStateStore, observer: WhitelistObserver, executor: WhitelistExecutor,
        configuration: StewardConfiguration, audit: AuditLog?, tiers: TierReconciler? = nil, bastions: BastionReconciler? = nil,
        logger: Logger = Logger(label: "steward.reconciler"), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.tiers = tiers
        self.bastions = bastions
        self.store = store
        self.observer = observer
        self.executor = executor
        self.configuration = configuration
        self.audit = audit
        self.logger = logger
        self.clock = clock
        self.planner = WhitelistPlanner(ownerID: configuration.ownerID)
    }

    public func reconcile(_ options: ReconcileOptions = ReconcileOptions()) async -> ReconcileReport {
        let now = clock()
        var report = ReconcileReport(startedAt: now)
        defer { logger.debug("reconcile finished", metadata: ["changes": "\(report.hasChanges)"]) }

        var snapshot: DesiredStateSnapshot
        do {
            snapshot = try await store.load()
        } catch {
            // The whole directory is unreadable: every environment is in the failed state.
            report.desiredStateErrors.append(Diagnostic(.error, path: configuration.desiredStatePath, message: "\(error)"))
            snapshot = DesiredStateSnapshot()
            for environment in lastGood.keys { snapshot.failures[environment] = [] }
        }
        report.desiredStateErrors += snapshot.allErrors
        for (environment, state) in snapshot.environments { lastGood[environment] = state }

        var wanted: [(EnvironmentName, DesiredState, failed: Bool)] = []
        for (environment, state) in snapshot.environments { wanted.append((environment, state, false)) }
        for environment in snapshot.failures.keys {
            if let previous = lastGood[environment] {
                wanted.append((environment, previous, true))
                report.refusals.append("\(environment): desired state is unreadable; only entries known to have expired are revoked, and the tier is left as it is, until it is fixed")
            } else {
                report.refusals.append("\(environment): desired state is unreadable and was never read successfully; no changes")
            }
        }
        if let only = options.environments {
            wanted = wanted.filter { only.contains($0.0) }
        }
        wanted.sort { $0.0 < $1.0 }
        // Failed environments count too: their known entries still expire (and get revoked) on time.
        report.nextExpiry = wanted.compactMap { $0.1.nextExpiry(after: now) }.min()
        guard !wanted.isEmpty else {
            report.finishedAt = clock()
            return report
        }

        let observation: WhitelistObservation
        do {
            observation = try await observer.observe(wanted.map(\.0), base: configuration.whitelist)
        } catch {
            report.failure = "could not read security groups from AWS: \(error)"
            report.finishedAt = clock()
            return report
        }
        report.observationProblems = observation.problems

        for (environment, desired, failed) in wanted {
            let groups = observation.groups[environment] ?? []
            // >>> prefix-list mode (PrefixList/PrefixListReconciler.swift). The rules planner must
            // not run here (it would revoke the reference rules), and neither does the CIDR-count
            // quota guard below: that planner counts each list's max entries against the quota.
            let settings = configuration.whitelistSettings(for: environment)
            if settings.mode == .prefixList {
                do {
                    let outcome = try await PrefixListReconciler(ec2: executor.ec2, ownerID: configuration.ownerID, logger: logger).reconcile(
                        environment: environment, desired: desired, groups: groups, policy: configuration.policy, settings: settings,
                        now: now, failedRead: failed, force: options.force, dryRun: options.dryRun
                    )
                    report.refusals += outcome.refusals
                    report.results += outcome.results
                    report.prefixListPlans.append(outcome.plan)
                } catch {
                    report.observationProblems.append("\(environment): could not read its prefix lists from AWS: \(error); nothing changed")
                }
                continue
            }
            // <<< prefix-list mode
            var plan = planner.plan(desired: desired, observed: groups, policy: configuration.policy, now: now)
            let guarded = applyGuards(&plan, groups: groups, desired: desired, failedRead: failed, options: options, now: now)
            report.refusals += guarded.refusals
            report.results += guarded.held
            report.plans.append(plan)
        }

        if !options.dryRun {
            for plan in report.plans where plan.hasChanges {
                report.results += await executor.execute(plan)
            }
        }
        // Fail safe for infrastructure: an unreadable file starts, stops and deletes nothing.
        await reconcileTiers(wanted.filter { !$0.failed }.map { ($0.0, $0.1) }, into: &report, dryRun: options.dryRun, confirmed: nil)
        // After the tiers: a lease needs its environment running, and the planner ends leases
        // of environments that no longer are.
        if let bastions {
            do {
                report.bastionPlans = try await bastions.plan(wanted, now: now)
                report.refusals += report.bastionPlans.flatMap(\.refusals)
                report.results += report.bastionPlans.flatMap(\.heldResults)
            } catch {
                report.observationProblems.append("could not read bastion instances from AWS: \(error); no bastion changes")
            }
            if !options.dryRun { await executeBastions(report.bastionPlans, into: &report) }
        }
        if !options.dryRun { await record(report.results, now: now) }
        report.finishedAt = clock()
        return report
    }

    private func executeBastions(_ plans: [BastionPlan], into report: inout ReconcileReport) async {
        guard let bastions else { return }
        var waiting = plans.contains(where: \.needsRecheck)
        for plan in plans where plan.hasChanges {
            let execution = await bastions.execute(plan)
            report.results += execution.results
            waiting = waiting || !execution.waits.isEmpty
        }
        // A bastion settling (pending, stopping) is looked at again in a couple of seconds.
        if waiting {
            let soon = clock().addingTimeInterval(2)
            report.retryAt = min(report.retryAt ?? soon, soon)
        }
    }

    private func reconcileTiers(_ wanted: [(EnvironmentName, DesiredState)], into report: inout ReconcileReport, dryRun: Bool, confirmed: Set<TierActionKey>?) async {
        guard let tiers, !wanted.isEmpty else { return }
        let outcome = await tiers.reconcile(wanted, now: clock, dryRun: dryRun, confirmed: confirmed)
        report.tierPlans = outcome.plans
        report.results += outcome.results
        report.observationProblems += outcome.problems
        report.refusals += Array(Set(outcome.plans.flatMap(\.refusals))).sorted()
        guard !dryRun else { return }
        // The last plan per environment says what is still awaited.
        let last = report.lastTierPlans
        var current: Set<String> = []
        for plan in last.values.sorted(by: { $0.environment < $1.environment }) {
            for note in plan.warnings {
                let key = "\(plan.environment) \(note.resource) \(note.message)"
                current.insert(key)
                if !warned.contains(key) { report.tierWarnings.append("\(plan.environment): \(note.resource) \(note.message)") }
            }
        }
        warned = warned.filter { key in !wanted.contains { key.hasPrefix("\($0.0) ") } }.union(current)
        let deferred = Set(outcome.results.filter { $0.outcome == .deferred }.map(\.environment))
        var retry: Date?
        for (environment, _) in wanted {
            let waiting = (last[environment].map { !$0.waits.isEmpty } ?? false) || deferred.contains(environment)
            guard waiting else {
                waitStreak[environment] = nil
                continue
            }
            let streak = (waitStreak[environment] ?? 0) + 1
            waitStreak[environment] = streak
            let delay = min(60, 1 << min(streak, 6))
            let at = clock().addingTimeInterval(TimeInterval(delay))
            retry = min(retry ?? at, at)
        }
        report.retryAt = retry
    }

    /// Executes the plans of a dry-run report exactly as shown (what `steward apply` confirmed),
    /// rather than planning again.
    public func execute(_ planned: ReconcileReport) async -> ReconcileReport {
        var report = planned
        let now = clock()
        var results: [ActionResult] = []
        for plan in planned.plans where plan.hasChanges {
            results += await executor.execute(plan)
        }
        let prefixLists = PrefixListReconciler(ec2: executor.ec2, ownerID: configuration.ownerID, logger: logger)
        for plan in planned.prefixListPlans where plan.hasChanges {
            results += await prefixLists.execute(plan)
        }
        report.results += results
        let confirmed = Set(planned.tierPlans.flatMap(\.steps).map { TierActionKey($0.action) })
        if !confirmed.isEmpty {
            let environments = Set(planned.tierPlans.filter(\.hasChanges).map(\.environment))
            let snapshot = try? await store.load()
            let wanted = environments.sorted().compactMap { environment in snapshot?.environments[environment].map { (environment, $0) } }
            if wanted.count < environments.count {
                report.observationProblems.append("desired state became unreadable since the plan; tier changes of \(environments.count - wanted.count) environment(s) not applied")
            }
            let before = report.results.count
            await reconcileTiers(wanted, into: &report, dryRun: false, confirmed: confirmed)
            results += report.results[before...]
        }
        let beforeBastions = report.results.count
        await executeBastions(planned.bastionPlans, into: &report)
        results += report.results[beforeBastions...]
        await record(results, now: now)
        report.finishedAt = clock()
        return report
    }

    /// Applies the safety rules to a plan in place; returns what was held back and why.
    private func applyGuards(
        _ plan: inout WhitelistPlan, groups: [ObservedSecurityGroup], desired: DesiredState,
        failedRead: Bool, options: ReconcileOptions, now: Date
    ) -> (refusals: [String], held: [ActionResult]) {
        let settings = configuration.whitelistSettings(for: plan.environment)
        var refusals: [String] = []
        var held: [ActionResult] = []
        let environment = plan.environment

        func hold(_ index: Int, authorize: Bool, revoke: ((RuleRevocation) -> Bool)?, updates: Bool, reason: String) {
            let group = plan.groups[index]
            if authorize {
                held += group.authorize.map {
                    ActionResult(kind: .authorize, environment: environment, resource: group.groupID,
                                 target: "\($0.cidr) \($0.networkProtocol.rawValue)/\($0.ports)", reason: $0.reason.rawValue, outcome: .refused, message: reason)
                }
                plan.groups[index].authorize = []
            }
            if let revoke {
                let (dropped, kept) = (group.revoke.filter(revoke), group.revoke.filter { !revoke($0) })
                held += dropped.map {
                    ActionResult(kind: .revoke, environment: environment, resource: group.groupID,
                                 target: "\($0.ruleID) \($0.source)", reason: $0.reason.rawValue, outcome: .refused, message: reason)
                }
                plan.groups[index].revoke = kept
            }
            if updates {
                held += group.updateDescriptions.map {
                    ActionResult(kind: .updateDescription, environment: environment, resource: group.groupID,
                                 target: "\($0.ruleID) \($0.cidr)", reason: $0.reason.rawValue, outcome: .refused, message: reason)
                }
                plan.groups[index].updateDescriptions = []
            }
        }

        if failedRead {
            for index in plan.groups.indices {
                hold(index, authorize: true, revoke: { $0.reason != .expired }, updates: true,
                     reason: "desired state unreadable: only known-expired entries are revoked")
            }
        }
        if settings.upsertOnly {
            if plan.revokeCount > 0 {
                refusals.append("\(environment): upsert-only policy; \(plan.revokeCount) revoke(s) not applied")
            }
            for index in plan.groups.indices {
                hold(index, authorize: false, revoke: { _ in true }, updates: false, reason: "upsert-only policy")
            }
        }
        let owned = groups.reduce(0) { $0 + $1.ingressRules.filter { $0.isOwned(by: configuration.ownerID) }.count }
        if !options.force, let refusal = settings.revokeBudget.refusal(for: plan, ownedRules: owned) {
            refusals.append(refusal)
            for index in plan.groups.indices {
                hold(index, authorize: false, revoke: { _ in true }, updates: false, reason: "over the revoke budget")
            }
        }
        let quota = RuleQuota(rulesPerGroup: settings.ruleQuota)
        for index in plan.groups.indices {
            if let group = groups.first(where: { $0.id == plan.groups[index].groupID }),
               let refusal = quota.refusal(for: plan.groups[index], group: group) {
                refusals.append("\(environment): \(refusal)")
                hold(index, authorize: true, revoke: nil, updates: false, reason: "rule quota")
            }
        }
        return (refusals, held)
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
