import Foundation

/// The JSON credential document served by the container endpoint and IMDS:
/// `AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration` (ISO 8601).
struct AWSCredentialDocument: Decodable {
    let AccessKeyId: String?
    let SecretAccessKey: String?
    let Token: String?
    let Expiration: String?
    let Code: String?

    static func decode(_ body: [UInt8], provider: String) throws -> AWSCredentials {
        guard let document = try? JSONDecoder().decode(AWSCredentialDocument.self, from: Data(body)) else {
            throw AWSCredentialsError.failed(provider: provider, reason: "the credential document is not valid JSON")
        }
        if let code = document.Code, code != "Success" {
            throw AWSCredentialsError.failed(provider: provider, reason: "the credential document reports Code \(code)")
        }
        guard let accessKey = document.AccessKeyId, !accessKey.isEmpty,
              let secret = document.SecretAccessKey, !secret.isEmpty else {
            throw AWSCredentialsError.failed(provider: provider, reason: "the credential document lacks AccessKeyId or SecretAccessKey")
        }
        var expiration: Date?
        if let text = document.Expiration {
            guard let parsed = AWSDateParsing.iso8601(text) else {
                throw AWSCredentialsError.failed(provider: provider, reason: "the credential document's Expiration is not an ISO 8601 time")
            }
            expiration = parsed
        }
        return AWSCredentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: document.Token, expiration: expiration)
    }
}
