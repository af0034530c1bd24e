import Foundation

extension AWSError {
    /// Some services echo parts of the request (a canonical request with the session token)
    /// in signature errors; an error message must never carry a secret, so those are cut.
    func scrubbing(_ credentials: AWSCredentials?) -> AWSError {
        guard let credentials else { return self }
        var text = message
        for secret in [credentials.secretAccessKey, credentials.sessionToken].compactMap({ $0 }) where !secret.isEmpty {
            text = text.replacingOccurrences(of: secret, with: AWSLogRedactor.redacted)
        }
        guard text != message else { return self }
        return AWSError(code: code, message: text, requestID: requestID, statusCode: statusCode, operation: operation)
    }
}
