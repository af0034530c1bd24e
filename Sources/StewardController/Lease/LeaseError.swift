import StewardAWS

/// What went wrong with the leader lease: what failed, on what, and what to do.
public enum LeaseError: Error, Sendable, CustomStringConvertible {
    /// A mutating AWS call was held back because this replica does not hold the lease (or its
    /// renew deadline passed): another replica may be the leader, so writing could collide.
    case notLeader(operation: String, holder: String?)
    /// The lease item exists but can't be read as a lease.
    case malformedItem(table: String, leaseName: String, problem: String)

    public var description: String {
        switch self {
        case .notLeader(let operation, let holder):
            let who = holder.map { "replica \($0) leads" } ?? "no replica holds the lease yet"
            return "\(operation) not sent: this replica is not the leader (\(who)); only the leader writes to AWS"
        case .malformedItem(let table, let name, let problem):
            return "lease item '\(name)' in table \(table) is not a Steward lease (\(problem)); delete it, or give ha.lease_name another name"
        }
    }
}
