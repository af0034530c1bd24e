import Foundation

/// `infra status E`: per resource what AWS holds against what the tier wants, what the next
/// reconcile will do, and what the running part costs a month.
public struct InfraStatus: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var resource: String
        public var actual: String
        /// In the tier's terms: running, stopped, deleted.
        public var wanted: String
        public var monthlyCost: Double
    }

    public var environment: EnvironmentName
    public var tier: Tier
    public var rows: [Row]
    /// The first phase the next reconcile runs, as plan lines.
    public var nextActions: [String]
    public var notes: [String]
    public var monthlyCost: Double

    public init(desired: DesiredState, observed: ObservedTierResources, plan: TierPlan, prices: PriceTable) {
        environment = desired.environment
        tier = plan.tier
        let wanted = plan.tier == .running ? "running" : "stopped"
        var rows: [Row] = []
        let hours = PriceTable.hoursPerMonth
        for service in observed.services.sorted(by: { $0.name < $1.name }) {
            rows.append(Row(resource: service.resource.name,
                            actual: "\(service.runningCount)/\(service.desiredCount) tasks" + (service.isScaledDownBySteward ? " (scaled down by Steward, saved \(service.savedState?.desiredCount ?? 0))" : ""),
                            wanted: wanted, monthlyCost: Double(max(service.desiredCount, service.runningCount)) * prices.fargateTaskHour * hours))
        }
        for database in observed.databases.sorted(by: { $0.identifier < $1.identifier }) {
            let classes = database.kind == .cluster ? database.settings.members.map(\.instanceClass) : [database.settings.instanceClass ?? ""]
            let hourly = classes.reduce(0) { $0 + (prices.databaseHour[$1] ?? prices.defaultDatabaseHour) }
            let runs = database.state == .available || database.state == .transitional("starting") || database.state == .transitional("stopping")
            rows.append(Row(resource: database.resource.name, actual: database.status + (database.deletionProtection ? ", deletion protection" : ""),
                            wanted: plan.tier == .tornDown && !database.deletionProtection ? "deleted (after a final snapshot)" : wanted,
                            monthlyCost: runs ? hourly * hours : 0))
        }
        for snapshot in observed.snapshots where !snapshot.isConsumed && !observed.databases.contains(where: { $0.identifier == snapshot.settings.identifier }) {
            rows.append(Row(resource: "\(snapshot.settings.kind == .cluster ? "aurora" : "rds"):\(snapshot.settings.identifier)",
                            actual: "deleted; final snapshot \(snapshot.identifier) \(snapshot.status)",
                            wanted: plan.tier == .running ? "running (restored from the snapshot)" : "deleted", monthlyCost: 0))
        }
        for instance in observed.instances.sorted(by: { $0.id < $1.id }) {
            let hourly = instance.instanceType.flatMap { prices.instanceHour[$0] } ?? prices.defaultInstanceHour
            rows.append(Row(resource: "ec2:\(instance.id)", actual: instance.state, wanted: wanted,
                            monthlyCost: instance.state == "running" ? hourly * hours : 0))
        }
        self.rows = rows
        nextActions = plan.steps.map { "\(TierPlanTextRenderer.symbol($0.action)) \($0.action.resource.name)  \($0.action.summary)  (\($0.reason))" }
        notes = plan.notes.map { "\($0.kind.rawValue): \($0.resource) \($0.message)" } + plan.drift.map { "drift: \($0.resource) \($0.message)" }
            + plan.refusals.map { "refused: \($0)" }
        monthlyCost = rows.reduce(0) { $0 + $1.monthlyCost }
    }

    /// Plain text, as the CLI prints it and Slack shows it in a code block.
    public var text: String {
        var lines: [String] = []
        if rows.isEmpty {
            lines.append("no tier resources found (ECS services of the environment's cluster; RDS, Aurora and EC2 tagged with the environment)")
        }
        for row in rows {
            lines.append("\(row.resource): \(row.actual); wanted \(row.wanted)" + (row.monthlyCost > 0 ? "; ~\(Self.dollars(row.monthlyCost))/month" : ""))
        }
        lines.append(nextActions.isEmpty ? "next reconcile: nothing to do" : "next reconcile:")
        lines += nextActions.map { "  \($0)" }
        lines += notes
        lines.append("estimated cost of what runs now: ~\(Self.dollars(monthlyCost))/month")
        return lines.joined(separator: "\n")
    }

    static func dollars(_ amount: Double) -> String {
        let cents = Int((amount * 100).rounded())
        let fraction = cents % 100
        return "$\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
