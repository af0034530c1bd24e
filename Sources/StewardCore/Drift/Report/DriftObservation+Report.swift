import Foundation

extension DriftObservation {
    /// The drift a planned (dry-run) pass shows: the stages' drift items, plus what each plan
    /// would correct (an expired entry still granted, an owned rule no entry wants, a missing
    /// grant, a tier resource not as desired, a bastion no lease accounts for), plus
    /// desired-state health. Reads nothing: the pass already read everything.
    ///
    /// - Parameter dailyCost: per environment, the daily cost of each tier resource by its
    ///   name (`ecs:dev/api`), for the "running while stopped" findings.
    ///   - prices: what a bastion up without a lease costs a day (`tiers.prices`).
    ///   - plannedChanges: count what the plans would correct (a `plan`-like look); false for a
    ///     pass that applied them (they were just put right).
    public init(report: ReconcileReport, dailyCost: [EnvironmentName: [String: Double]] = [:], prices: PriceTable = PriceTable(),
                plannedChanges: Bool = true) {
        var items = report.drift
        for plan in report.plans where plannedChanges {
            for group in plan.groups {
                for revoke in group.revoke {
                    items.append(.plannedRevoke(revoke, group: group, environment: plan.environment))
                }
                for grant in group.authorize {
                    items.append(DriftItem(
                        kind: .entryNotGranted, severity: .low, environment: plan.environment,
                        resource: .securityGroup(id: group.groupID),
                        message: "\(grant.cidr) \(grant.networkProtocol.rawValue)/\(grant.ports) \"\(grant.description)\" is desired but not granted on \(group.groupName)"))
                }
            }
        }
        for plan in report.prefixListPlans where plannedChanges {
            for list in plan.lists { items += DriftItem.plannedListChanges(list, environment: plan.environment) }
        }
        var tierSeen: Set<String> = []
        for plan in report.tierPlans where plannedChanges {
            for step in plan.steps {
                guard let item = DriftItem.tierStep(step, plan: plan, dailyCost: dailyCost[plan.environment] ?? [:]),
                      tierSeen.insert(item.id).inserted else { continue }
                items.append(item)
            }
        }
        for plan in report.bastionPlans where plannedChanges {
            for termination in plan.terminate + plan.heldTerminations {
                items.append(.bastionWithoutLease(termination, environment: plan.environment, prices: prices))
            }
        }
        var unknown: [EnvironmentName: String] = [:]
        for (environment, diagnostics) in report.unreadable {
            let reason = "desired state unreadable: " + (diagnostics.first?.description ?? "the store could not be read")
            unknown[environment] = reason
        }
        for diagnostic in report.desiredStateErrors {
            guard let environment = Self.environment(of: diagnostic, unreadable: report.unreadable) else { continue }
            items.append(DriftItem(kind: .invalidDesiredState, severity: .low, environment: environment,
                                   resource: .desiredState(source: diagnostic.path), message: diagnostic.description))
        }
        items += report.desiredStateDiscrepancies.map(DriftItem.desiredStateDiscrepancy)
        let everywhere = report.observationProblems.filter { $0.environment == nil }.map(\.message)
        var environments = Set(report.environments).union(report.unreadable.keys)
        environments.formUnion(items.map(\.environment))
        for problem in report.observationProblems {
            guard let environment = problem.environment else { continue }
            unknown[environment] = unknown[environment] ?? "AWS could not be read: \(problem.message)"
        }
        let failure = report.failure.map { "AWS could not be read: \($0.message)" } ?? everywhere.first.map { "AWS could not be read: \($0)" }
        if let failure {
            for environment in environments where unknown[environment] == nil { unknown[environment] = failure }
        }
        // Desired state unreadable as a whole: no environment is known to carry the reason.
        let storeUnreadable = report.environments.isEmpty && report.unreadable.isEmpty && !report.desiredStateErrors.isEmpty
            ? "desired state unreadable: \(report.desiredStateErrors[0])" : nil
        self.init(items: Array(Set(items)).sorted(), environments: environments.sorted(), unknown: unknown,
                  everythingUnknown: report.failure != nil || !everywhere.isEmpty || storeUnreadable != nil, overallUnknown: storeUnreadable)
    }

    /// The environment a diagnostic is about: the unreadable one that lists it, else the file's
    /// name (`desired-state/dev.yaml` → dev); nil for what concerns no single environment.
    static func environment(of diagnostic: Diagnostic, unreadable: [EnvironmentName: [Diagnostic]]) -> EnvironmentName? {
        if let (environment, _) = unreadable.first(where: { $0.value.contains(diagnostic) }) { return environment }
        let file = diagnostic.path.split(separator: "/").last.map(String.init) ?? diagnostic.path
        let stem = file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file.hasSuffix(".yml") ? String(file.dropLast(4)) : file
        return try? EnvironmentName(stem)
    }
}
