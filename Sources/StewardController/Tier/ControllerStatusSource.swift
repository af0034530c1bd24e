import Foundation
import StewardCore

/// What AWS holds, for `infra status` (tier resources, next reconcile, cost) and
/// `bastion status`, from the same observers the reconciler uses.
public struct ControllerStatusSource: ObservedStatusSource {
    public let tiers: TierReconciler
    public let prices: PriceTable
    /// The bastion part (instance id, state, address, how to connect), when wired.
    public let bastionStatus: (@Sendable (EnvironmentName, BastionLease?) async -> String)?

    public init(tiers: TierReconciler, prices: PriceTable, bastionStatus: (@Sendable (EnvironmentName, BastionLease?) async -> String)? = nil) {
        self.tiers = tiers
        self.prices = prices
        self.bastionStatus = bastionStatus
    }

    public func observedStatus(for intent: ChatIntent, desired: DesiredState, now: Date) async -> String? {
        switch intent {
        case .infra(.status, let environment):
            do {
                let observation = try await tiers.observer.observe([environment])
                if let problem = observation.problems[environment] { return "could not read: \(problem)" }
                let observed = observation.resources[environment] ?? ObservedTierResources(environment: environment)
                let plan = tiers.planner.plan(desired: desired, observed: observed, now: now)
                var text = InfraStatus(desired: desired, observed: observed, plan: plan, prices: prices).text
                if let bastionStatus { text += "\nbastion: " + (await bastionStatus(environment, desired.bastion)) }
                return text
            } catch {
                return "could not read the environment's resources from AWS: \(error)"
            }
        case .bastion(.status, let environment):
            return await bastionStatus?(environment, desired.bastion)
        default:
            return nil
        }
    }
}
