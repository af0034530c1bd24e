import StewardAWS
import StewardCore

/// Reads every bastion-looking instance of the given environments with one DescribeInstances
/// (paging aside), whatever the number of environments: filtered on `Role=bastion`, the
/// environment tag and the live states, then grouped by environment.
public struct BastionObserver: Sendable {
    public var ec2: EC2Client
    /// The tag naming an instance's environment (`tiers.environmentTag`).
    public var environmentTagKey: String

    public init(ec2: EC2Client, environmentTagKey: String = "Environment") {
        self.ec2 = ec2
        self.environmentTagKey = environmentTagKey
    }

    /// Live states only: terminated instances linger in DescribeInstances for an hour and
    /// must not count as bastions.
    static let liveStates = ObservedBastion.State.allCases.filter(\.isLive).map(\.rawValue)

    public func observe(_ environments: [EnvironmentName]) async throws(BastionError) -> BastionObservation {
        var observation = BastionObservation()
        guard !environments.isEmpty else { return observation }
        for environment in environments { observation.instances[environment] = [] }
        let filters = [
            EC2Filter.tag(BastionTag.role, BastionTag.bastionRole),
            EC2Filter(name: "tag:\(environmentTagKey)", values: Set(environments.map(\.rawValue)).sorted()),
            EC2Filter(name: "instance-state-name", values: Self.liveStates),
        ]
        let instances: [EC2Instance]
        do {
            instances = try await ec2.describeInstances(filters: filters)
        } catch {
            throw .observeFailed(environments: environments, underlying: "\(error)")
        }
        var seen: Set<String> = []
        for instance in instances where seen.insert(instance.instanceID).inserted {
            // The filter already selected; checking again guards against a looser emulator or a
            // tag changed in between: an instance that isn't clearly a bastion of an
            // environment asked for is never touched.
            guard instance.tags.value(for: BastionTag.role) == BastionTag.bastionRole,
                  let text = instance.tags.value(for: environmentTagKey),
                  let environment = try? EnvironmentName(text), observation.instances[environment] != nil
            else { continue }
            guard let bastion = ObservedBastion(ec2: instance) else {
                observation.problems.append("\(instance.instanceID) (\(environment)): unknown instance state '\(instance.state)'; left untouched")
                continue
            }
            observation.instances[environment, default: []].append(bastion)
        }
        return observation
    }
}
