import Foundation

/// The name a replica writes as the lease's holder: `STEWARD_REPLICA_ID` if set, else the host
/// name (an ECS task's or an EC2 host's), the process id and a random suffix — containers are
/// often pid 1, and a restarted replica must not pass for the one it replaced.
enum ReplicaIdentity {
    static func make(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["STEWARD_REPLICA_ID"], !explicit.isEmpty { return explicit }
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(ProcessInfo.processInfo.hostName)-\(getpid())-\(suffix)"
    }
}
