import StewardAWS

/// Lets a mutating call to the estate (EC2, ECS, RDS, Application Auto Scaling) through only
/// while the lease has room for it, with its timeout capped by that room, so no write of this
/// replica can be sent after another replica could have taken over. Every attempt passes here,
/// retries included. Reads, and the lease's and desired state's own DynamoDB calls (other
/// clients), are not fenced: standbys read, and any replica may record an edit.
public struct LeaseFencedTransport: AWSHTTPTransport {
    public let base: any AWSHTTPTransport
    public let fence: LeaseFence

    static let fencedServices: Set<String> = ["ec2", "ecs", "rds", "application-autoscaling"]
    static let readPrefixes = ["Describe", "Get", "List", "Lookup"]

    public init(wrapping base: any AWSHTTPTransport, fence: LeaseFence) {
        self.base = base
        self.fence = fence
    }

    public static func isMutating(_ operation: AWSOperation?) -> Bool {
        guard let operation, fencedServices.contains(operation.service) else { return false }
        return !readPrefixes.contains { operation.name.hasPrefix($0) }
    }

    public func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        guard Self.isMutating(request.operation), let operation = request.operation else {
            return try await base.send(request, timeout: timeout)
        }
        let allowed = try await fence.admit(operation.description, timeout: timeout)
        return try await base.send(request, timeout: allowed)
    }
}
