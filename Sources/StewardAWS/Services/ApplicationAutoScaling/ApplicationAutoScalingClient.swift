/// Application Auto Scaling (JSON 1.1, signs as `application-autoscaling`): the ECS service
/// scalable targets whose min/max Steward saves before scaling to zero.
public struct ApplicationAutoScalingClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// Scalable targets of a namespace (`ecs`), optionally for given resource ids
    /// (`service/<cluster>/<service>`), all pages. The paging loop stops on a repeated
    /// token (moto repeats one forever).
    public func describeScalableTargets(serviceNamespace: String, resourceIDs: [String] = [], scalableDimension: String? = nil, pageSize: Int? = nil) async throws -> [ScalableTarget] {
        struct Input: Encodable {
            let ServiceNamespace: String
            let ResourceIds: [String]?
            let ScalableDimension: String?
            let NextToken: String?
            let MaxResults: Int?
        }
        struct Output: Decodable { let ScalableTargets: [ScalableTarget]?; let NextToken: String? }
        return try await AWSPaging.collect(operation: "application-autoscaling:DescribeScalableTargets") { token in
            let input = Input(ServiceNamespace: serviceNamespace, ResourceIds: resourceIDs.isEmpty ? nil : resourceIDs, ScalableDimension: scalableDimension, NextToken: token, MaxResults: pageSize)
            let output: Output = try await client.json(service: .applicationAutoScaling, operation: "DescribeScalableTargets", input: input)
            return (output.ScalableTargets ?? [], output.NextToken)
        }
    }

    /// Registers a target or updates its capacity bounds.
    public func registerScalableTarget(serviceNamespace: String, resourceID: String, scalableDimension: String, minCapacity: Int?, maxCapacity: Int?) async throws {
        if let minCapacity, let maxCapacity, minCapacity > maxCapacity {
            throw AWSClientError(.invalidRequest, operation: "application-autoscaling:RegisterScalableTarget", message: "MinCapacity \(minCapacity) is above MaxCapacity \(maxCapacity) for \(resourceID)")
        }
        struct Input: Encodable {
            let ServiceNamespace: String
            let ResourceId: String
            let ScalableDimension: String
            let MinCapacity: Int?
            let MaxCapacity: Int?
        }
        let _: AWSEmptyShape = try await client.json(
            service: .applicationAutoScaling,
            operation: "RegisterScalableTarget",
            input: Input(ServiceNamespace: serviceNamespace, ResourceId: resourceID, ScalableDimension: scalableDimension, MinCapacity: minCapacity, MaxCapacity: maxCapacity)
        )
    }
}
