import Foundation

/// ECS/Fargate task-role and EKS Pod Identity credentials:
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (against 169.254.170.2) or
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read
/// on every refresh) or `AWS_CONTAINER_AUTHORIZATION_TOKEN` as the Authorization header.
public struct ContainerCredentialProvider: AWSCredentialProvider {
    public static let ecsHost = "169.254.170.2"
    public let environment: [String: String]
    public let transport: any AWSHTTPTransport
    public let timeout: Duration
    public var name: String { "container credentials" }

    public init(environment: [String: String], transport: any AWSHTTPTransport, timeout: Duration = .seconds(2)) {
        self.environment = environment
        self.transport = transport
        self.timeout = timeout
    }

    public func resolve() async throws -> AWSCredentials {
        let endpoint: AWSEndpoint
        var query: [(String, String)] = []
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"].nonEmpty {
            let (path, items) = Self.splitPathAndQuery(relative.hasPrefix("/") ? relative : "/" + relative)
            endpoint = AWSEndpoint(scheme: "http", host: Self.ecsHost, path: path)
            query = items
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"].nonEmpty {
            let (base, items) = Self.splitPathAndQuery(full)
            guard let parsed = AWSEndpoint(url: base) else {
                throw AWSCredentialsError.failed(provider: name, reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI is not an http(s) URL")
            }
            // Plain HTTP may only go to the container hosts or loopback, as in the SDKs, so a
            // misconfigured URL cannot send the token across a network in clear text.
            guard parsed.scheme == "https" || Self.isAllowedHTTPHost(parsed.host) else {
                throw AWSCredentialsError.failed(provider: name, reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI uses http to \(parsed.host); http is allowed only to loopback or the ECS/EKS container hosts")
            }
            endpoint = parsed
            query = items
        } else {
            throw AWSCredentialsError.notConfigured(provider: name, reason: "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set")
        }

        var request = AWSHTTPRequest(method: "GET", endpoint: endpoint, query: query)
        request.headers.set("host", endpoint.hostHeader)
        request.headers.set("Accept", "application/json")
        if let tokenFile = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"].nonEmpty {
            guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw AWSCredentialsError.failed(provider: name, reason: "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(tokenFile)")
            }
            request.headers.set("Authorization", token.trimmingWhitespace)
        } else if let token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].nonEmpty {
            request.headers.set("Authorization", token)
        }

        let response: AWSHTTPResponse
        do {
            response = try await transport.send(request, timeout: timeout)
        } catch {
            throw AWSCredentialsError.failed(provider: name, reason: "no answer from \(endpoint.url): \(error)")
        }
        guard response.isSuccess else {
            throw AWSCredentialsError.failed(provider: name, reason: "\(endpoint.url) answered HTTP \(response.status)")
        }
        return try AWSCredentialDocument.decode(response.body, provider: name)
    }

    static func splitPathAndQuery(_ text: String) -> (String, [(String, String)]) {
        guard let mark = text.firstIndex(of: "?") else { return (text, []) }
        let items = text[text.index(after: mark)...].split(separator: "&").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1)
            let key = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            return (key, value)
        }
        return (String(text[..<mark]), items)
    }

    static func isAllowedHTTPHost(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare == ecsHost || bare == "169.254.170.23" || bare == "fd00:ec2::23" {
            return true
        }
        return bare.hasPrefix("127.")
    }
}
