/// Amazon ECS (JSON 1.1): services of a cluster, their desired counts and tags.
public struct ECSClient: Sendable {
    public let client: AWSClient
    /// DescribeServices accepts at most this many services per call.
    public static let describeServicesBatchSize = 10

    public init(client: AWSClient) {
        self.client = client
    }

    /// Every service ARN in the cluster, all pages.
    public func listServices(cluster: String, pageSize: Int? = nil) async throws -> [String] {
        struct Input: Encodable { let cluster: String; let nextToken: String?; let maxResults: Int? }
        struct Output: Decodable { let serviceArns: [String]?; let nextToken: String? }
        return try await AWSPaging.collect(operation: "ecs:ListServices") { token in
            let output: Output = try await client.json(service: .ecs, operation: "ListServices", input: Input(cluster: cluster, nextToken: token, maxResults: pageSize))
            return (output.serviceArns ?? [], output.nextToken)
        }
    }

    /// Describes services (names or ARNs) with their tags, 10 per call. Services ECS reports
    /// as failures (e.g. `MISSING`) are returned in `failures`, not thrown.
    public func describeServices(cluster: String, services: [String]) async throws -> ECSServiceDescriptions {
        struct Input: Encodable { let cluster: String; let services: [String]; let include: [String] }
        struct Output: Decodable { let services: [ECSService]?; let failures: [ECSFailure]? }
        var result = ECSServiceDescriptions(services: [], failures: [])
        var start = 0
        while start < services.count {
            let batch = Array(services[start..<min(start + Self.describeServicesBatchSize, services.count)])
            let output: Output = try await client.json(service: .ecs, operation: "DescribeServices", input: Input(cluster: cluster, services: batch, include: ["TAGS"]))
            result.services += output.services ?? []
            result.failures += output.failures ?? []
            start += Self.describeServicesBatchSize
        }
        return result
    }

    /// Sets a service's desired count.
    @discardableResult
    public func updateService(cluster: String, service: String, desiredCount: Int) async throws -> ECSService {
        struct Input: Encodable { let cluster: String; let service: String; let desiredCount: Int }
        struct Output: Decodable { let service: ECSService? }
        let output: Output = try await client.json(service: .ecs, operation: "UpdateService", input: Input(cluster: cluster, service: service, desiredCount: desiredCount))
        guard let updated = output.service else {
            throw AWSClientError(.malformedResponse, operation: "ecs:UpdateService", message: "no service in the response")
        }
        return updated
    }

    public func tagResource(arn: String, tags: [AWSTag]) async throws {
        struct Input: Encodable { let resourceArn: String; let tags: [ECSTag] }
        let _: AWSEmptyShape = try await client.json(service: .ecs, operation: "TagResource", input: Input(resourceArn: arn, tags: tags.map(ECSTag.init)))
    }

    public func listTagsForResource(arn: String) async throws -> [AWSTag] {
        struct Input: Encodable { let resourceArn: String }
        struct Output: Decodable { let tags: [ECSTag]? }
        let output: Output = try await client.json(service: .ecs, operation: "ListTagsForResource", input: Input(resourceArn: arn))
        return (output.tags ?? []).map(\.tag)
    }
}
