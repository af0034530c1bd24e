import Crypto
import Foundation

/// AWS Signature Version 4 for header-based signing. It knows nothing of protocols: it signs
/// whatever method, path, query, headers and body it is handed.
///
/// The canonical request and the string to sign are assembled as bytes in one buffer each:
/// signing runs on every attempt of every call, and string concatenation, a dictionary of
/// headers and Foundation's substring search cost several times the hashing itself.
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
        var canonical: [UInt8] = []
        canonical.reserveCapacity(512)
        for byte in request.method.utf8 {
            // Uppercase ASCII: methods are tokens, so no locale or Unicode case rules apply.
            canonical.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
        }
        canonical.append(newline)
        let path = request.endpoint.path
        if path == "/" {
            canonical.append(UInt8(ascii: "/"))
        } else {
            canonical.append(contentsOf: SigV4Encoding.canonicalPath(path).utf8)
        }
        canonical.append(newline)
        if !request.query.isEmpty {
            canonical.append(contentsOf: SigV4Encoding.canonicalQuery(request.query).utf8)
        }
        canonical.append(newline)
        let signedHeaders = Self.appendCanonicalHeaders(request.headers, to: &canonical)
        canonical.append(newline)
        canonical.append(contentsOf: signedHeaders.utf8)
        canonical.append(newline)
        if let declared = request.headers.value(for: "x-amz-content-sha256") {
            canonical.append(contentsOf: declared.utf8)
        } else {
            SHA256.hash(data: request.body).appendHex(to: &canonical)
        }

        var scope: [UInt8] = []
        scope.reserveCapacity(64)
        scope.append(contentsOf: timestamp.date.utf8)
        scope.append(UInt8(ascii: "/"))
        scope.append(contentsOf: region.utf8)
        scope.append(UInt8(ascii: "/"))
        scope.append(contentsOf: service.utf8)
        scope.append(contentsOf: "/aws4_request".utf8)

        var stringToSign: [UInt8] = []
        stringToSign.reserveCapacity(160)
        stringToSign.append(contentsOf: "AWS4-HMAC-SHA256\n".utf8)
        stringToSign.append(contentsOf: timestamp.dateTime.utf8)
        stringToSign.append(newline)
        stringToSign.append(contentsOf: scope)
        stringToSign.append(newline)
        SHA256.hash(data: canonical).appendHex(to: &stringToSign)

        let key = keyCache?.key(credentials: credentials, date: timestamp.date, region: region, service: service) {
            signingKey(secret: credentials.secretAccessKey, date: timestamp.date)
        } ?? signingKey(secret: credentials.secretAccessKey, date: timestamp.date)
        var signature: [UInt8] = []
        signature.reserveCapacity(64)
        HMAC<SHA256>.authenticationCode(for: stringToSign, using: key).appendHex(to: &signature)

        var authorization: [UInt8] = []
        authorization.reserveCapacity(256)
        authorization.append(contentsOf: "AWS4-HMAC-SHA256 Credential=".utf8)
        authorization.append(contentsOf: credentials.accessKeyID.utf8)
        authorization.append(UInt8(ascii: "/"))
        authorization.append(contentsOf: scope)
        authorization.append(contentsOf: ", SignedHeaders=".utf8)
        authorization.append(contentsOf: signedHeaders.utf8)
        authorization.append(contentsOf: ", Signature=".utf8)
        authorization.append(contentsOf: signature)
        return SigV4Signature(
            canonicalRequest: String(decoding: canonical, as: UTF8.self),
            stringToSign: String(decoding: stringToSign, as: UTF8.self),
            signature: String(decoding: signature, as: UTF8.self),
            signedHeaders: signedHeaders,
            authorization: String(decoding: authorization, as: UTF8.self)
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
        var canonical: [UInt8] = []
        let signed = appendCanonicalHeaders(headers, to: &canonical)
        return (String(decoding: canonical, as: UTF8.self), signed)
    }

    /// Appends the canonical header block and returns the signed-header list. A request has
    /// a handful of headers, so they are ordered with an insertion sort (stable, which keeps
    /// repeated names in arrival order) instead of being merged through a dictionary.
    static func appendCanonicalHeaders(_ headers: AWSHTTPHeaders, to canonical: inout [UInt8]) -> String {
        var entries: [(name: String, value: String)] = []
        entries.reserveCapacity(headers.fields.count)
        for field in headers.fields {
            let name = lowercasedASCII(field.name)
            // `Authorization` is the output of signing, never an input.
            if name == "authorization" { continue }
            var position = entries.count
            entries.append((name, field.value))
            while position > 0, name.utf8.lexicographicallyPrecedes(entries[position - 1].name.utf8) {
                entries.swapAt(position, position - 1)
                position -= 1
            }
        }
        var signed: [UInt8] = []
        signed.reserveCapacity(96)
        var index = 0
        while index < entries.count {
            let name = entries[index].name
            if !signed.isEmpty { signed.append(UInt8(ascii: ";")) }
            signed.append(contentsOf: name.utf8)
            canonical.append(contentsOf: name.utf8)
            canonical.append(UInt8(ascii: ":"))
            appendNormalized(entries[index].value, to: &canonical)
            index += 1
            while index < entries.count, entries[index].name == name {
                canonical.append(UInt8(ascii: ","))
                appendNormalized(entries[index].value, to: &canonical)
                index += 1
            }
            canonical.append(newline)
        }
        return String(decoding: signed, as: UTF8.self)
    }

    /// Header names are ASCII tokens: lowercase them bytewise, and only when needed.
    private static func lowercasedASCII(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return name }
        return String(decoding: name.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Leading and trailing whitespace dropped and inner runs collapsed to one space, when
    /// the value has a double space, a line break or an outer space; otherwise as it is.
    private static func appendNormalized(_ value: String, to out: inout [UInt8]) {
        let utf8 = value.utf8
        var needsWork = utf8.first == space || utf8.last == space
        if !needsWork {
            var previous: UInt8 = 0
            for byte in utf8 {
                if byte == newline || (byte == space && previous == space) {
                    needsWork = true
                    break
                }
                previous = byte
            }
        }
        guard needsWork else {
            out.append(contentsOf: utf8)
            return
        }
        var pendingSpace = false
        var wroteAny = false
        for byte in utf8 {
            if byte == space || byte == newline || byte == UInt8(ascii: "\t") {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace { out.append(space) }
            pendingSpace = false
            out.append(byte)
            wroteAny = true
        }
    }
}

private let newline = UInt8(ascii: "\n")
private let space = UInt8(ascii: " ")
