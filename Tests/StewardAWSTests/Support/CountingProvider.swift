import Foundation
import StewardAWS
import Synchronization

/// A provider that counts calls and hands out credentials expiring at a set time.
final class CountingProvider: AWSCredentialProvider {
    let calls = Mutex(0)
    let expiry: Date
    let failAfterFirst: Bool
    var name: String { "counting" }

    init(expiry: Date, failAfterFirst: Bool = false) {
        self.expiry = expiry
        self.failAfterFirst = failAfterFirst
    }

    func resolve() async throws -> AWSCredentials {
        let call = calls.withLock { value -> Int in
            value += 1
            return value
        }
        // Let concurrent callers pile up on the in-flight refresh.
        await Task.yield()
        if failAfterFirst && call > 1 { throw AWSCredentialsError.failed(provider: name, reason: "endpoint down") }
        return AWSCredentials(accessKeyID: "KEY\(call)", secretAccessKey: "s", sessionToken: "t", expiration: expiry)
    }
}
