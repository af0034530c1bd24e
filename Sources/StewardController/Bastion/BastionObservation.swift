import StewardAWS
import StewardCore

/// The bastion-looking instances (`Role=bastion` and an environment tag) of every environment
/// the pass's DescribeInstances saw, and those it had to skip.
public struct BastionObservation: Sendable {
    public var instances: [EnvironmentName: [ObservedBastion]] = [:]
    public var problems: [ObservationProblem] = []

    public init(instances: [EnvironmentName: [ObservedBastion]] = [:], problems: [ObservationProblem] = []) {
        self.instances = instances
        self.problems = problems
    }

    /// Sorts EC2's answer by environment. An instance that isn't clearly a bastion of an
    /// environment is never touched; one in a state EC2 doesn't document is reported.
    public init(instances: [EC2Instance], environmentTagKey: String) {
        var seen: Set<String> = []
        for instance in instances where seen.insert(instance.instanceID).inserted {
            guard instance.tags.value(for: StewardTag.role) == StewardTag.bastionRole,
                  let text = instance.tags.value(for: environmentTagKey), let environment = try? EnvironmentName(text)
            else { continue }
            guard let bastion = ObservedBastion(ec2: instance) else {
                problems.append(ObservationProblem(source: .bastions, environment: environment,
                                                   message: "\(instance.instanceID): unknown instance state '\(instance.state)'; left untouched"))
                continue
            }
            self.instances[environment, default: []].append(bastion)
        }
    }
}
