import Foundation

extension AWSClient {
    /// A JSON-protocol call (ECS, DynamoDB, …): `X-Amz-Target` names the operation.
    func json<Input: Encodable, Output: Decodable>(service: AWSService, operation: String, input: Input, output: Output.Type = Output.self) async throws -> Output {
        let response = try await jsonResponse(service: service, operation: operation, input: input)
        let body = response.body.isEmpty ? Array("{}".utf8) : response.body
        do {
            return try AWSJSON.decoder.decode(Output.self, from: Data(body))
        } catch {
            throw AWSClientError(.malformedResponse, operation: "\(service.endpointPrefix):\(operation)", message: "the response does not match \(Output.self): \(AWSJSON.describe(error))")
        }
    }

    func jsonResponse<Input: Encodable>(service: AWSService, operation: String, input: Input) async throws -> AWSHTTPResponse {
        guard case .json(let version, let targetPrefix) = service.wireProtocol else {
            preconditionFailure("\(service.serviceID) is not a JSON-protocol service")
        }
        let endpoint = try endpoint(for: service)
        var request = AWSHTTPRequest(method: "POST", endpoint: endpoint)
        request.headers.set("host", endpoint.hostHeader)
        request.headers.set("content-type", "application/x-amz-json-\(version)")
        request.headers.set("x-amz-target", "\(targetPrefix).\(operation)")
        request.body = Array(try AWSJSON.encoder.encode(input))
        return try await execute(service: service, operation: operation, request: request)
    }
}
