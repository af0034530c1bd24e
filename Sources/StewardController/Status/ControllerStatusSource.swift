import Foundation
import StewardCore

/// What AWS holds, for `infra status` (tier resources, next reconcile, cost) and `bastion
/// status`, from the same stages the reconciler runs: the CLI and Slack print the same status.
public struct ControllerStatusSource: ObservedStatusSource {
    public let tiers: TierStage
    public let bastions: BastionStage
    public let prices: PriceTable

    public init(tiers: TierStage, bastions: BastionStage, prices: PriceTable) {
        self.tiers = tiers
        self.bastions = bastions
        self.prices = prices
    }

    public func observedStatus(for intent: ChatIntent, desired: DesiredState, now: Date) async -> String? {
        switch intent {
        case .infra(.status, let environment):
            var text: String
            do {
                let observation = try await tiers.observer.observe([environment])
                if let problem = observation.problems[environment] { return "could not read: \(problem)" }
                let observed = observation.resources[environment] ?? ObservedTierResources(environment: environment)
                let plan = tiers.planner.plan(desired: desired, observed: observed, now: now)
                text = InfraStatus(desired: desired, observed: observed, plan: plan, prices: prices).text
            } catch {
                return "could not read the environment's resources from AWS: \(error)"
            }
            text += "\nbastion: " + (await bastionStatus(environment, lease: desired.bastion))
            return text
        case .bastion(.status, let environment):
            return await bastionStatus(environment, lease: desired.bastion)
        default:
            return nil
        }
    }

    private func bastionStatus(_ environment: EnvironmentName, lease: BastionLease?) async -> String {
        do {
            return BastionStatus.observedText(try await bastions.status(environment: environment, lease: lease))
        } catch {
            return "could not read bastion instances from AWS: \(error)"
        }
    }
}
