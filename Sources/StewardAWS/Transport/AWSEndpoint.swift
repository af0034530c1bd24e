/// Where a request goes: scheme, host, port and base path, parsed once from a URL such as
/// `https://ec2.us-east-1.amazonaws.com` or `http://127.0.0.1:5000`.
public struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?
    public var path: String

    public init(scheme: String, host: String, port: Int? = nil, path: String = "/") {
        self.scheme = scheme.lowercased()
        self.host = host
        self.port = port
        self.path = path.isEmpty ? "/" : path
    }

    /// Parses `scheme://host[:port][/path]`; `nil` when the text is not such a URL.
    public init?(url text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else { return nil }
        let scheme = String(trimmed[..<schemeEnd.lowerBound]).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = trimmed[schemeEnd.upperBound...]
        let authority: Substring
        let path: String
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            path = String(rest[slash...])
        } else {
            authority = rest
            path = "/"
        }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        var host = String(authority)
        var port: Int?
        if authority.hasPrefix("[") {
            // IPv6 literal: [::1]:8080
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[...close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                guard let value = Int(after.dropFirst()) else { return nil }
                port = value
            } else if !after.isEmpty {
                return nil
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            guard let value = Int(authority[authority.index(after: colon)...]), (1...65535).contains(value) else { return nil }
            port = value
        }
        guard !host.isEmpty else { return nil }
        self.init(scheme: scheme, host: host, port: port, path: path)
    }

    var isDefaultPort: Bool {
        guard let port else { return true }
        return (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
    }

    /// The `Host` header value: the port only when it is not the scheme's default.
    public var hostHeader: String {
        isDefaultPort ? host : "\(host):\(port ?? 0)"
    }

    public var url: String {
        "\(scheme)://\(hostHeader)\(path)"
    }

    public var description: String { url }
}

extension AWSEndpoint {
    func with(path: String) -> AWSEndpoint {
        var copy = self
        copy.path = path
        return copy
    }
}
