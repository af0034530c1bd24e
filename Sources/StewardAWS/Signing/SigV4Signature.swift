/// The intermediate strings and the result of signing one request. The intermediate strings
/// are kept because a signature mismatch is almost always a canonical-request mismatch, and
/// comparing them says which line is wrong.
public struct SigV4Signature: Sendable, Equatable {
    public let canonicalRequest: String
    public let stringToSign: String
    public let signature: String
    public let signedHeaders: String
    public let authorization: String
}
