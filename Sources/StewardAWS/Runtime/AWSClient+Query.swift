extension AWSClient {
    /// A Query-protocol call (EC2, RDS, STS): form-encoded POST, XML response.
    func query(service: AWSService, action: String, parameters: AWSQueryParameters) async throws -> AWSXMLElement {
        guard case .query(let apiVersion) = service.wireProtocol else {
            preconditionFailure("\(service.serviceID) is not a Query-protocol service")
        }
        let endpoint = try endpoint(for: service)
        var items: [(String, String)] = [("Action", action), ("Version", apiVersion)]
        items.append(contentsOf: parameters.items)
        var request = AWSHTTPRequest(method: "POST", endpoint: endpoint)
        request.headers.set("host", endpoint.hostHeader)
        request.headers.set("content-type", "application/x-www-form-urlencoded; charset=utf-8")
        request.body = Array(SigV4Encoding.formURLEncodedBody(items).utf8)
        let response = try await execute(service: service, operation: action, request: request)
        do {
            return try AWSXMLDocument(bytes: response.body).root
        } catch {
            throw AWSClientError(.malformedResponse, operation: "\(service.endpointPrefix):\(action)", message: "the response is not valid XML (\(error)); HTTP \(response.status), \(response.body.count) bytes")
        }
    }
}
