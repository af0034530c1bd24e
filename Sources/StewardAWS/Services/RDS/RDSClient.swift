/// Amazon RDS (Query protocol, API 2014-10-31): stop/start, snapshots, delete and restore of
/// instances and Aurora clusters, and their tags.
public struct RDSClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    func call(_ action: String, _ parameters: AWSQueryParameters) async throws -> AWSXMLElement {
        let root = try await client.query(service: .rds, action: action, parameters: parameters)
        guard let result = root.child("\(action)Result") else {
            throw AWSClientError(.malformedResponse, operation: "rds:\(action)", message: "no \(action)Result in the response")
        }
        return result
    }

    /// Pages on `Marker`.
    func paged<Item>(_ action: String, _ parameters: AWSQueryParameters, pageSize: Int?, items: @escaping (AWSXMLElement) -> [Item]) async throws -> [Item] {
        try await AWSPaging.collect(operation: "rds:\(action)") { marker in
            var page = parameters
            page.set("MaxRecords", pageSize)
            page.set("Marker", marker)
            let result = try await call(action, page)
            return (items(result), result.string("Marker"))
        }
    }

    func single<Item>(_ action: String, _ parameters: AWSQueryParameters, element: String, _ make: (AWSXMLElement) -> Item) async throws -> Item {
        let result = try await call(action, parameters)
        guard let item = result.child(element) else {
            throw AWSClientError(.malformedResponse, operation: "rds:\(action)", message: "no \(element) in the response")
        }
        return make(item)
    }
}
