import CloudTrailEmulator
import Foundation
import StewardAWS

/// A LookupEvents request built by hand, to send what Steward's client never would (two
/// attributes, 51 results, no signature…) and see what the emulator answers.
struct RawCloudTrailCall {
    /// Shaped like a SigV4 header; the emulator checks the shape and scope, not the signature.
    static let authorization = "AWS4-HMAC-SHA256 Credential=test/20261120/us-east-1/cloudtrail/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=00"

    var method = "POST"
    var body = "{}"
    var target: String? = CloudTrailEmulator.lookupEventsTarget
    var contentType: String? = "application/x-amz-json-1.1"
    var authorization: String? = Self.authorization

    /// The answer: status, `__type` of an error, and the JSON body.
    struct Reply {
        let status: Int
        let body: [UInt8]

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }

        var errorType: String? { json["__type"] as? String }
        var eventCount: Int { (json["Events"] as? [Any])?.count ?? 0 }
        var nextToken: String? { json["NextToken"] as? String }
    }

    func send(to emulator: CloudTrailEmulator, through transport: any AWSHTTPTransport) async throws -> Reply {
        guard let endpoint = AWSEndpoint(url: emulator.url) else {
            throw AWSClientError(.invalidRequest, operation: "test", message: "the emulator's URL \(emulator.url) does not parse")
        }
        var request = AWSHTTPRequest(method: method, endpoint: endpoint, body: Array(body.utf8))
        request.headers.set("host", endpoint.hostHeader)
        request.headers.set("x-amz-date", "20261120T100000Z")
        if let target { request.headers.set("x-amz-target", target) }
        if let contentType { request.headers.set("content-type", contentType) }
        if let authorization { request.headers.set("authorization", authorization) }
        let response = try await transport.send(request, timeout: .seconds(10))
        return Reply(status: response.status, body: response.body)
    }
}
