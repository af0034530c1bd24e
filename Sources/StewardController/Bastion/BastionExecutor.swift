import Foundation
import Logging
import StewardAWS
import StewardCore

/// Carries a bastion plan out against EC2: terminations first (one TerminateInstances for all
/// of them), then lease-tag rewrites, then the launch. Every action ends in an `ActionResult`;
/// an instance mid-transition is `deferred` and listed in `waits`, not a failure.
public struct BastionExecutor: Sendable {
    public var ec2: EC2Client
    public var logger: Logger

    public init(ec2: EC2Client, logger: Logger = Logger(label: "steward.bastions")) {
        self.ec2 = ec2
        self.logger = logger
    }

    public func execute(_ plan: BastionPlan) async -> BastionExecution {
        var execution = BastionExecution()
        await terminate(plan.terminate, environment: plan.environment, into: &execution)
        for update in plan.tagUpdates {
            execution.results.append(await retag(update, environment: plan.environment))
        }
        if let launch = plan.launch {
            execution.results.append(await self.launch(launch))
        }
        for result in execution.results where result.outcome == .failed {
            logger.error("bastion action failed", metadata: [
                "environment": "\(plan.environment)", "kind": "\(result.kind.rawValue)", "resource": "\(result.resource)",
                "error": "\(result.message ?? "")",
            ])
        }
        return execution
    }

    // MARK: Terminate

    /// Codes that blame one instance of a batch: the rest are retried one by one.
    static let instanceLevelCodes: Set<AWSErrorCode> = [
        .invalidInstanceIDNotFound, .invalidInstanceIDMalformed, .incorrectInstanceState, .operationNotPermitted,
    ]

    private func terminate(_ terminations: [BastionTermination], environment: EnvironmentName, into execution: inout BastionExecution) async {
        guard !terminations.isEmpty else { return }
        do {
            _ = try await ec2.terminateInstances(terminations.map(\.instanceID))
            execution.results += terminations.map { Self.result($0, environment: environment, .applied) }
            return
        } catch let error as AWSError where Self.instanceLevelCodes.contains(error.code) {
            guard terminations.count > 1 else {
                record(error, for: terminations[0], environment: environment, into: &execution)
                return
            }
            // One instance spoiled the batch; find which by sending them one at a time.
        } catch {
            execution.results += terminations.map { Self.result($0, environment: environment, .failed, "\(error)") }
            return
        }
        for termination in terminations {
            do {
                _ = try await ec2.terminateInstances([termination.instanceID])
                execution.results.append(Self.result(termination, environment: environment, .applied))
            } catch {
                record(error, for: termination, environment: environment, into: &execution)
            }
        }
    }

    /// What a refused termination means: gone already is converged, mid-transition is a
    /// wait (deferred, not failed), anything else a failure that says what to do.
    private func record(_ error: any Error, for termination: BastionTermination, environment: EnvironmentName, into execution: inout BastionExecution) {
        switch (error as? AWSError)?.code {
        case .invalidInstanceIDNotFound:
            execution.results.append(Self.result(termination, environment: environment, .converged, "already gone"))
        case .incorrectInstanceState:
            let message = "\(termination.instanceID) can't be terminated in its current state yet (IncorrectInstanceState); looking again shortly"
            execution.results.append(Self.result(termination, environment: environment, .deferred, message))
            execution.waits.append(BastionWait(instanceID: termination.instanceID, state: termination.state.rawValue, message: message))
        case .operationNotPermitted:
            execution.results.append(Self.result(termination, environment: environment, .failed,
                "\(error); termination protection was turned on outside Steward — turn it off on \(termination.instanceID) to let the lease end it"))
        default:
            execution.results.append(Self.result(termination, environment: environment, .failed, "\(error)"))
        }
    }

    private static func result(_ termination: BastionTermination, environment: EnvironmentName, _ outcome: ActionResult.Outcome, _ message: String? = nil) -> ActionResult {
        ActionResult(kind: .terminateBastion, environment: environment, resource: .bastion(instanceID: termination.instanceID),
                     target: .setting(termination.state.rawValue), reason: termination.reason.rawValue, outcome: outcome, message: message)
    }

    // MARK: Retag

    private func retag(_ update: BastionLeaseTagUpdate, environment: EnvironmentName) async -> ActionResult {
        let target = ActionTarget.setting("\(StewardTag.leaseExpiresAt)=\(Timestamp.text(update.expiresAt))")
        func result(_ outcome: ActionResult.Outcome, _ message: String? = nil) -> ActionResult {
            ActionResult(kind: .tagBastion, environment: environment, resource: .bastion(instanceID: update.instanceID), target: target,
                         reason: "lease changed", outcome: outcome, message: message)
        }
        do {
            try await ec2.createTags(resourceIDs: [update.instanceID], tags: Self.awsTags(update.tags))
            return result(.applied)
        } catch let error as AWSError where error.code == .invalidInstanceIDNotFound {
            return result(.converged, "instance is gone; nothing to tag")
        } catch {
            return result(.failed, "\(error)")
        }
    }

    // MARK: Launch

    /// Launches with the lease's token, moving to the next generation only when AWS answers
    /// with an instance that is no longer up (the token was spent on a bastion that has since
    /// died) or refuses the token as used with other parameters. A lost response retried,
    /// or a re-run after a crash, walks the same sequence and lands on the same instance.
    private func launch(_ launch: BastionLaunch) async -> ActionResult {
        let target = ActionTarget.setting("template \(launch.launchTemplate)")
        func result(_ resource: ResourceReference, _ outcome: ActionResult.Outcome, _ message: String? = nil) -> ActionResult {
            ActionResult(kind: .launchBastion, environment: launch.environment, resource: resource, target: target,
                         reason: launch.reason, outcome: outcome, message: message)
        }
        var spent: [String] = []
        for generation in 0..<BastionLaunchToken.maximumGenerations {
            let token = launch.token.clientToken(generation: generation)
            let instances: [EC2Instance]
            do {
                instances = try await ec2.runInstances(
                    launchTemplate: .name(launch.launchTemplate), tags: Self.awsTags(launch.tags), clientToken: token)
            } catch let error as AWSError where error.code == .idempotentParameterMismatch {
                spent.append("\(token) (used with other parameters)")
                continue
            } catch let error as AWSError where error.code.isInFamily(AWSErrorCode.invalidLaunchTemplateNameFamily) || error.code.isInFamily(AWSErrorCode.invalidLaunchTemplateIDFamily) {
                return result(.launchTemplate(name: launch.launchTemplate), .failed,
                    "\(error); create launch template '\(launch.launchTemplate)' or set environments.\(launch.environment).bastion_launch_template in steward.yaml")
            } catch {
                return result(.launchTemplate(name: launch.launchTemplate), .failed, "\(error)")
            }
            guard let instance = instances.first else {
                return result(.launchTemplate(name: launch.launchTemplate), .failed, "RunInstances with token \(token) answered without an instance; the next pass looks again")
            }
            guard ObservedBastion.State(rawValue: instance.state)?.isUp == true else {
                logger.info("bastion launch token already spent", metadata: [
                    "environment": "\(launch.environment)", "token": "\(token)", "instance": "\(instance.instanceID)", "state": "\(instance.state)",
                ])
                spent.append("\(token) (\(instance.instanceID) \(instance.state))")
                continue
            }
            do {
                try await ec2.createTags(resourceIDs: [instance.instanceID], tags: Self.awsTags(launch.leaseTags))
            } catch {
                return result(.bastion(instanceID: instance.instanceID), .applied,
                              "launched with token \(token); its lease tags were not written (\(error)); the next pass writes them")
            }
            return result(.bastion(instanceID: instance.instanceID), .applied, "token \(token)")
        }
        return result(.launchTemplate(name: launch.launchTemplate), .failed,
            "every launch token of this lease is spent (\(spent.joined(separator: ", "))): its bastion was replaced too often; "
                + "drop the lease and ask again (`bastion destroy \(launch.environment)`, then `bastion create \(launch.environment)`)")
    }

    static func awsTags(_ tags: [String: String]) -> [AWSTag] {
        tags.sorted { $0.key < $1.key }.map { AWSTag(key: $0.key, value: $0.value) }
    }
}
