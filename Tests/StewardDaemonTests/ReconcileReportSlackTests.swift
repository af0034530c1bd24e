import Foundation
import StewardController
import StewardCore
import StewardSlack
import Testing
@testable import steward

/// The daemon's translation of a reconcile report into Slack's words: which environment a
/// follow-up speaks for, what counts as still in progress, and the channel notifications the
/// issue names ("203.0.113.10/32 expired and was revoked from 2 groups").
@Suite struct ReconcileReportSlackTests {
    private let dev = try! EnvironmentName("dev")
    private let qa = try! EnvironmentName("qa")
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Results as the executors make them, from the words their lines show.
    private func result(
        _ kind: ActionResult.Kind, _ environment: EnvironmentName, _ resource: String, _ target: String,
        reason: String = "whitelisted", _ outcome: ActionResult.Outcome, message: String? = nil
    ) -> ActionResult {
        ActionResult(kind: kind, environment: environment, resource: Self.reference(resource), target: Self.target(kind, target),
                     reason: reason, outcome: outcome, message: message)
    }

    private static func reference(_ text: String) -> ResourceReference {
        if text.hasPrefix("sg-") { return .securityGroup(id: text) }
        if text.hasPrefix("rds:") { return .rdsInstance(identifier: String(text.dropFirst(4))) }
        if text.hasPrefix("ecs:") {
            let parts = text.dropFirst(4).split(separator: "/")
            return .ecsService(cluster: String(parts[0]), name: String(parts[1]))
        }
        return .launchTemplate(name: text)
    }

    private static func target(_ kind: ActionResult.Kind, _ text: String) -> ActionTarget {
        guard kind.area == .whitelist else { return .setting(text) }
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        if words[0].hasPrefix("sgr-") { return .rule(id: words[0], source: words[1]) }
        let access = words[1].split(separator: "/")
        return .grant(source: words[0], networkProtocol: NetworkProtocol(rawValue: String(access[0])) ?? .tcp, ports: PortRange(UInt16(access[1]) ?? 0))
    }

    // MARK: - Follow-up outcomes

    @Test func eachOutcomeLandsInItsEnvironmentAndConvergedIsNotNews() {
        var report = ReconcileReport(startedAt: start)
        report.results = [
            result(.authorize, dev, "sg-1", "203.0.113.10/32 tcp/443", .applied),
            result(.authorize, dev, "sg-2", "203.0.113.10/32 tcp/443", .converged),
            result(.revoke, dev, "sg-1", "sgr-0abc 198.51.100.0/24 tcp/443", reason: "removed", .failed, message: "AccessDenied"),
            result(.authorize, qa, "sg-9", "192.0.2.1/32 tcp/22", .refused, message: "over the revoke budget"),
            result(.stopDatabase, qa, "rds:qa-db", "stop", reason: "tier stopped", .deferred, message: "InvalidDBInstanceState"),
        ]
        let outcome = report.slackOutcome
        #expect(outcome.startedAt == start)
        #expect(outcome.failure == nil)
        #expect(outcome.environments[dev] == EnvironmentOutcome(
            applied: ["authorized 203.0.113.10/32 tcp/443 on sg-1"],
            failed: ["revoke 198.51.100.0/24 tcp/443 on sg-1 failed: AccessDenied"]))
        #expect(outcome.environments[qa] == EnvironmentOutcome(
            refused: ["authorize 192.0.2.1/32 tcp/22 on sg-9 held back: over the revoke budget"],
            pending: ["rds:qa-db stop deferred (AWS not ready; retried shortly): InvalidDBInstanceState"]))
    }

    @Test func whatAWSIsStillDoingIsPendingNotFailed() {
        var report = ReconcileReport(startedAt: start)
        // Two phases of one environment: only the last look's waits are still true.
        report.tierPlans = [
            TierPlan(environment: dev, tier: .stopped, notes: [TierNote(.wait, resource: "rds:dev-db", "was available")]),
            TierPlan(environment: dev, tier: .stopped, notes: [
                TierNote(.wait, resource: "rds:dev-db", "stopping"),
                TierNote(.warning, resource: "rds:dev-db", "deletion protection on"),
            ]),
        ]
        report.bastionPlans = [BastionPlan(environment: qa, waits: [BastionWait(instanceID: "i-0abc", state: "pending", message: "launching")])]
        let outcome = report.slackOutcome
        #expect(outcome.environments[dev]?.pending == ["rds:dev-db: stopping"])
        #expect(outcome.environments[dev]?.inProgress == true)
        #expect(outcome.environments[qa]?.pending == ["bastion i-0abc: launching"])
        #expect(outcome.environments[qa]?.succeeded == true)
    }

    @Test func refusalsGoToTheEnvironmentTheyName() {
        var report = ReconcileReport(startedAt: start)
        report.refusals = [Refusal(environment: qa, guardName: .protectedTeardown, message: "teardown refused: qa is protected")]
        let outcome = report.slackOutcome
        #expect(outcome.environments[qa]?.refused == ["qa: teardown refused: qa is protected"])
        #expect(outcome.environments.keys.map(\.rawValue).sorted() == ["qa"])
    }

    @Test func aPassThatCouldNotRunCarriesItsFailure() {
        var report = ReconcileReport(startedAt: start)
        report.failure = ReconcileFailure(.awsUnreadable, "AWS unreachable: connection refused")
        #expect(report.slackOutcome.failure == "AWS unreachable: connection refused")
        #expect(report.slackNotifications == [
            StewardNotification(kind: .failure, environment: nil, text: "reconcile failed: AWS unreachable: connection refused"),
        ])
    }

    // MARK: - Channel notifications

    @Test func notificationsGroupPerNetworkAndSayExpiriesAsSuch() {
        var report = ReconcileReport(startedAt: start)
        report.results = [
            result(.authorize, dev, "sg-1", "203.0.113.10/32 tcp/443", .applied),
            result(.authorize, dev, "sg-2", "203.0.113.10/32 tcp/443", .applied),
            result(.authorize, dev, "sg-3", "203.0.113.10/32 tcp/443", .converged),
            result(.revoke, dev, "sg-1", "sgr-01 198.51.100.7/32 tcp/443", reason: PlanReason.expired.rawValue, .applied),
            result(.revoke, dev, "sg-2", "sgr-02 198.51.100.7/32 tcp/443", reason: PlanReason.expired.rawValue, .applied),
            result(.revoke, qa, "sg-9", "sgr-09 192.0.2.1/32 tcp/22", reason: "removed", .applied),
            result(.updateDescription, qa, "sg-9", "sgr-08 192.0.2.2/32 tcp/22", reason: "description changed", .applied),
            result(.revoke, qa, "sg-9", "sgr-07 192.0.2.3/32 tcp/22", reason: "removed", .refused, message: "budget"),
            result(.revoke, qa, "sg-9", "sgr-06 192.0.2.50/32 tcp/22", reason: PlanReason.expired.rawValue, .applied),
        ]
        #expect(report.slackNotifications.map(\.text) == [
            "dev: 198.51.100.7/32 tcp/443 expired and was revoked from 2 groups",
            "dev: authorized 203.0.113.10/32 tcp/443 on 2 groups (whitelisted)",
            "qa: revoked 192.0.2.1/32 tcp/22 on sg-9 (removed)",
            "qa: updated the description of 192.0.2.2/32 tcp/22 on sg-9 (description changed)",
            "qa: 192.0.2.50/32 tcp/22 expired and was revoked from 1 group",
        ])
        #expect(report.slackNotifications.map(\.kind) == [.expired, .applied, .applied, .applied, .expired])
    }

    @Test func tierAndBastionActionsNameEachResourceAndFailuresAreOnePerEnvironment() {
        var report = ReconcileReport(startedAt: start)
        report.results = [
            result(.stopDatabase, dev, "rds:dev-db", "stop", reason: "tier stopped", .applied),
            result(.scaleService, dev, "ecs:dev/api", "desired 0", reason: "tier stopped", .applied),
            result(.launchBastion, qa, "qa-bastion", "launch", reason: "lease", .failed, message: "no launch template"),
            result(.authorize, qa, "sg-9", "192.0.2.1/32 tcp/22", .failed, message: "RulesPerSecurityGroupLimitExceeded"),
        ]
        let notifications = report.slackNotifications
        #expect(notifications.map(\.text) == [
            "dev: ecs:dev/api desired 0 (tier stopped)",
            "dev: rds:dev-db stop (tier stopped)",
            "qa: 2 actions failed\n• qa-bastion launch failed: no launch template\n• authorize 192.0.2.1/32 tcp/22 on sg-9 failed: RulesPerSecurityGroupLimitExceeded",
        ])
        #expect(notifications.map(\.kind) == [.applied, .applied, .failure])
        #expect(notifications.map(\.environment) == [dev, dev, qa])
    }
}
