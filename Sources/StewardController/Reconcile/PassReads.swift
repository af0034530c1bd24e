import StewardAWS
import StewardCore

/// Reads that more than one stage needs, made at most once per pass however many ask: the
/// managed security groups (rules mode and prefix-list mode), and the EC2 instances (tiers and
/// bastions). Concurrent askers share the one call in flight.
final class PassReads: Sendable {
    let securityGroups: SharedRead<WhitelistObservation>
    let instances: SharedRead<[EC2Instance]>

    init(securityGroups: @escaping @Sendable () async throws -> WhitelistObservation,
         instances: @escaping @Sendable () async throws -> [EC2Instance]) {
        self.securityGroups = SharedRead(securityGroups)
        self.instances = SharedRead(instances)
    }
}
