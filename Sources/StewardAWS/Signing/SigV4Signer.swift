import Crypto
import Foundation

/// AWS Signature Version 4 for header-based signing. It knows nothing of protocols: it signs
/// whatever method, path, query, headers and body it is handed.
public struct SigV4Signer: Sendable {
    public let region: String
    /// The signing name, which is not always the endpoint prefix (`application-autoscaling`,
    /// `dynamodb` for DynamoDB Streams).
    public let service: String
    public let keyCache: SigV4SigningKeyCache?

    public init(region: String, service: String, keyCache: SigV4SigningKeyCache? = nil) {
        self.region = region
        self.service = service
        self.keyCache = keyCache
    }

    /// Adds `x-amz-date`, `host` (when missing), `x-amz-security-token` (when the credentials
    /// carry one) and `Authorization` to the request, and returns what was signed.
    @discardableResult
    public func sign(_ request: inout AWSHTTPRequest, credentials: AWSCredentials, date: Date) -> SigV4Signature {
        let stamp = SigV4Timestamp(date)
        request.headers.set("x-amz-date", stamp.dateTime)
        if request.headers.value(for: "host") == nil {
            request.headers.set("host", request.endpoint.hostHeader)
        }
        if let token = credentials.sessionToken {
            request.headers.set("x-amz-security-token", token)
        }
        let result = signature(for: request, credentials: credentials, timestamp: stamp)
        request.headers.set("Authorization", result.authorization)
        return result
    }

    /// Computes the signature of the request as it stands, without changing it. The request
    /// must already carry every header to be signed (`host`, `x-amz-date`, …).
    public func signature(for request: AWSHTTPRequest, credentials: AWSCredentials, date: Date) -> SigV4Signature {
        signature(for: request, credentials: credentials, timestamp: SigV4Timestamp(date))
    }

    func signature(for request: AWSHTTPRequest, credentials: AWSCredentials, timestamp: SigV4Timestamp) -> SigV4Signature {
        let payloadHash = request.headers.value(for: "x-amz-content-sha256")
            ?? SHA256.hash(data: request.body).hexString
        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaders(request.headers)
        var canonical = request.method.uppercased()
        canonical += "\n"
        canonical += SigV4Encoding.canonicalPath(request.endpoint.path)
        canonical += "\n"
        canonical += SigV4Encoding.canonicalQuery(request.query)
        canonical += "\n"
        canonical += canonicalHeaders
        canonical += "\n"
        canonical += signedHeaders
        canonical += "\n"
        canonical += payloadHash

        let scope = "\(timestamp.date)/\(region)/\(service)/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n\(timestamp.dateTime)\n\(scope)\n\(SHA256.hash(data: Array(canonical.utf8)).hexString)"

        let key = keyCache?.key(accessKeyID: credentials.accessKeyID, secret: credentials.secretAccessKey, scope: scope) {
            signingKey(secret: credentials.secretAccessKey, date: timestamp.date)
        } ?? signingKey(secret: credentials.secretAccessKey, date: timestamp.date)
        let signature = HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key).hexString
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            canonicalRequest: canonical,
            stringToSign: stringToSign,
            signature: signature,
            signedHeaders: signedHeaders,
            authorization: authorization
        )
    }

    private func signingKey(secret: String, date: String) -> SymmetricKey {
        func hmac(_ key: SymmetricKey, _ text: String) -> SymmetricKey {
            SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key))
        }
        let dateKey = hmac(SymmetricKey(data: Array("AWS4\(secret)".utf8)), date)
        return hmac(hmac(hmac(dateKey, region), service), "aws4_request")
    }

    /// Lowercased names, sorted; values trimmed with inner runs of spaces collapsed; repeated
    /// names joined with commas in arrival order.
    static func canonicalHeaders(_ headers: AWSHTTPHeaders) -> (canonical: String, signed: String) {
        var merged: [String: String] = [:]
        for (name, value) in headers.fields {
            let key = name.lowercased()
            // `Authorization` is the output of signing, never an input.
            if key == "authorization" { continue }
            let normalized = normalizeHeaderValue(value)
            if let existing = merged[key] {
                merged[key] = existing + "," + normalized
            } else {
                merged[key] = normalized
            }
        }
        let names = merged.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        var canonical = ""
        for name in names {
            canonical += name
            canonical += ":"
            canonical += merged[name] ?? ""
            canonical += "\n"
        }
        return (canonical, names.joined(separator: ";"))
    }

    private static func normalizeHeaderValue(_ value: String) -> String {
        if !value.contains("  ") && !value.contains("\n") && value.first != " " && value.last != " " {
            return value
        }
        let pieces = value.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        return pieces.joined(separator: " ")
    }
}
