import Foundation
import StewardAWS
import Testing

/// Every request carries the operation it calls, set by the client that built it, so metrics
/// and the counting transports read it there instead of parsing bodies.
@Suite struct RequestOperationTests {
    @Test func queryAndJSONCallsNameTheirOperation() async throws {
        let transport = FakeTransport { request, _ in
            request.headers.value(for: "x-amz-target") == nil
                ? FakeTransport.xml("<DescribeInstancesResponse><reservationSet/></DescribeInstancesResponse>")
                : FakeTransport.json("{}")
        }
        let client = fakeClient(transport)
        _ = try await EC2Client(client: client).describeInstances()
        _ = try await DynamoDBClient(client: client).getItem(table: "t", key: ["k": .s("v")])
        #expect(transport.requests.map(\.operation) == [
            AWSOperation(service: "ec2", name: "DescribeInstances"), AWSOperation(service: "dynamodb", name: "GetItem"),
        ])
        #expect(transport.requests.first?.operation?.description == "ec2:DescribeInstances")
    }
}
