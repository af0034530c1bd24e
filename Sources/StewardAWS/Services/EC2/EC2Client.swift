import Foundation

/// Amazon EC2 (Query protocol, API 2016-11-15): only the operations Steward uses.
public struct EC2Client: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    func call(_ action: String, _ parameters: AWSQueryParameters) async throws -> AWSXMLElement {
        try await client.query(service: .ec2, action: action, parameters: parameters)
    }

    /// Pages an EC2 Describe* call on `NextToken` to the end.
    func paged<Item>(
        _ action: String,
        _ parameters: AWSQueryParameters,
        pageSize: Int?,
        items: @escaping (AWSXMLElement) -> [Item]
    ) async throws -> [Item] {
        try await AWSPaging.collect(operation: "ec2:\(action)") { token in
            var page = parameters
            page.set("MaxResults", pageSize)
            page.set("NextToken", token)
            let root = try await call(action, page)
            return (items(root), root.string("nextToken"))
        }
    }
}
