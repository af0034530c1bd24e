import Foundation
import StewardCore

/// The reconcile report in the words Slack shows: per-environment outcomes for command
/// follow-ups, and channel notifications. Words only: every fact comes typed from the report.
extension ReconcileReport {
    public var slackOutcome: ReconcileOutcome {
        var environments: [EnvironmentName: EnvironmentOutcome] = [:]
        for result in results {
            switch result.outcome {
            case .applied: environments[result.environment, default: EnvironmentOutcome()].applied.append(Self.line(result))
            case .failed: environments[result.environment, default: EnvironmentOutcome()].failed.append(Self.line(result))
            case .refused: environments[result.environment, default: EnvironmentOutcome()].refused.append(Self.line(result))
            case .deferred: environments[result.environment, default: EnvironmentOutcome()].pending.append(Self.line(result))
            case .converged: break
            }
        }
        // What AWS is still doing: the last tier plan's waits per environment, settling bastions.
        for (environment, plan) in lastTierPlans {
            environments[environment, default: EnvironmentOutcome()].pending += plan.waits.map { "\($0.resource): \($0.message)" }
        }
        for plan in bastionPlans {
            environments[plan.environment, default: EnvironmentOutcome()].pending += plan.waits.map { "bastion \($0.instanceID): \($0.message)" }
        }
        for refusal in refusals {
            environments[refusal.environment, default: EnvironmentOutcome()].refused.append(refusal.description)
        }
        for problem in observationProblems {
            for environment in problem.environment.map({ [$0] }) ?? self.environments {
                environments[environment, default: EnvironmentOutcome()].problems.append(problem.message)
            }
        }
        return ReconcileOutcome(startedAt: startedAt, failure: failure?.message, environments: environments)
    }

    /// Applied changes grouped per network ("… authorized on 2 groups"), expiries said as
    /// such, failures one per environment. Converged and refused actions are not news.
    public var slackNotifications: [StewardNotification] {
        if let failure {
            // A pass that could not run concerns every environment.
            return [StewardNotification(kind: .failure, environment: nil, text: "reconcile failed: \(failure.message)")]
        }
        struct Group: Hashable { var environment: EnvironmentName; var kind: ActionResult.Kind; var subject: String; var reason: String }
        var applied: [Group: Set<ResourceReference>] = [:]
        var failed: [EnvironmentName: [String]] = [:]
        for result in results {
            switch result.outcome {
            case .applied:
                applied[Group(environment: result.environment, kind: result.kind, subject: result.target.subject, reason: result.reason),
                        default: []].insert(result.resource)
            case .failed:
                failed[result.environment, default: []].append(Self.line(result))
            case .converged, .refused, .deferred:
                break
            }
        }
        var notifications: [StewardNotification] = []
        for (group, resources) in applied.sorted(by: { ($0.key.environment.rawValue, $0.key.subject) < ($1.key.environment.rawValue, $1.key.subject) }) {
            let count = resources.count
            let on = count == 1 ? (resources.first.map(\.description) ?? "") : "\(count) \(Self.noun(group.kind))s"
            if group.kind.area != .whitelist {
                // Tier and bastion actions name one resource each: "dev: rds:dev-db stop (tier stopped)".
                for resource in resources.sorted() {
                    notifications.append(StewardNotification(kind: .applied, environment: group.environment,
                        text: "\(group.environment): \(resource) \(group.subject) (\(group.reason))"))
                }
            } else if group.kind == .revoke, group.reason == PlanReason.expired.rawValue {
                notifications.append(StewardNotification(kind: .expired, environment: group.environment,
                    text: "\(group.environment): \(group.subject) expired and was revoked from \(count == 1 ? "1 group" : "\(count) groups")"))
            } else {
                notifications.append(StewardNotification(kind: .applied, environment: group.environment,
                    text: "\(group.environment): \(Self.past(group.kind)) \(group.subject) on \(on) (\(group.reason))"))
            }
        }
        for (environment, lines) in failed.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            notifications.append(StewardNotification(kind: .failure, environment: environment,
                text: "\(environment): \(lines.count) action\(lines.count == 1 ? "" : "s") failed\n" + lines.map { "• " + $0 }.joined(separator: "\n")))
        }
        return notifications
    }

    /// `authorized 203.0.113.10/32 tcp/443 on sg-0abc`, `… failed: <message>`.
    static func line(_ result: ActionResult) -> String {
        guard result.kind.area == .whitelist else {
            var text = "\(result.resource) \(result.target)"
            switch result.outcome {
            case .failed: text += " failed"
            case .refused: text += " held back"
            case .deferred: text += " deferred (AWS not ready; retried shortly)"
            case .applied, .converged: break
            }
            if let message = result.message, result.outcome != .applied { text += ": \(message)" }
            return text
        }
        let subject = result.target.subject
        var text = "\(past(result.kind)) \(subject) on \(result.resource)"
        if result.outcome == .failed { text = "\(result.kind.rawValue) \(subject) on \(result.resource) failed" }
        if result.outcome == .refused { text = "\(result.kind.rawValue) \(subject) on \(result.resource) held back" }
        if let message = result.message, result.outcome != .applied { text += ": \(message)" }
        return text
    }

    static func past(_ kind: ActionResult.Kind) -> String {
        switch kind {
        case .authorize: return "authorized"
        case .revoke: return "revoked"
        case .updateDescription: return "updated the description of"
        default: return kind.rawValue + " done for"
        }
    }

    static func noun(_ kind: ActionResult.Kind) -> String {
        kind.area == .whitelist ? "group" : "resource"
    }
}
