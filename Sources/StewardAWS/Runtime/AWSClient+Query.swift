extension AWSClient {
    /// A Query-protocol call (EC2, RDS, STS): form-encoded POST, XML response as a tree.
    func query(service: AWSService, action: String, parameters: AWSQueryParameters) async throws -> AWSXMLElement {
        let response = try await queryResponse(service: service, action: action, parameters: parameters)
        do {
            return try AWSXMLDocument(bytes: response.body).root
        } catch {
            throw Self.malformed(response, service: service, action: action, error)
        }
    }

    /// A Query-protocol call whose response is decoded straight from the body by `read`
    /// (given the reader and the root element), with no tree in between: for the hot
    /// Describe calls. The decode runs synchronously on the bytes the transport returned.
    func query<Output>(
        service: AWSService,
        action: String,
        parameters: AWSQueryParameters,
        read: (inout AWSXMLReader, AWSXMLReader.Element) throws(AWSXMLError) -> Output
    ) async throws -> Output {
        let response = try await queryResponse(service: service, action: action, parameters: parameters)
        let output: Output?
        do {
            output = try AWSXMLReader.read(response.body) { reader, root throws(AWSXMLError) -> Output? in
                // An error document with a success status (a proxy, an emulator) is an error,
                // not an empty result.
                if root.isNamed("Response") || root.isNamed("ErrorResponse") { return nil }
                return try read(&reader, root)
            }
        } catch {
            throw Self.malformed(response, service: service, action: action, error)
        }
        guard let output else {
            throw AWSErrorDecoder.decode(response, operation: "\(service.endpointPrefix):\(action)")
        }
        return output
    }

    private func queryResponse(service: AWSService, action: String, parameters: AWSQueryParameters) async throws -> AWSHTTPResponse {
        guard case .query(let apiVersion) = service.wireProtocol else {
            preconditionFailure("\(service.serviceID) is not a Query-protocol service")
        }
        let endpoint = try endpoint(for: service)
        var body: [UInt8] = []
        body.reserveCapacity(64 + parameters.items.count * 32)
        SigV4Encoding.appendFormURLEncoded("Action", action, to: &body)
        SigV4Encoding.appendFormURLEncoded("Version", apiVersion, to: &body)
        for (key, value) in parameters.items {
            SigV4Encoding.appendFormURLEncoded(key, value, to: &body)
        }
        var request = AWSHTTPRequest(method: "POST", endpoint: endpoint)
        request.headers.set("host", endpoint.hostHeader)
        request.headers.set("content-type", "application/x-www-form-urlencoded; charset=utf-8")
        request.body = body
        return try await execute(service: service, operation: action, request: request)
    }

    private static func malformed(_ response: AWSHTTPResponse, service: AWSService, action: String, _ error: any Error) -> AWSClientError {
        AWSClientError(.malformedResponse, operation: "\(service.endpointPrefix):\(action)", message: "the response is not valid XML (\(error)); HTTP \(response.status), \(response.body.count) bytes")
    }
}
