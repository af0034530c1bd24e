import Crypto
import Foundation

/// Checks an HTTP-mode request came from Slack: `X-Slack-Signature` must be
/// `v0=` + hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + raw body)), compared in
/// constant time, and `X-Slack-Request-Timestamp` within five minutes of now (older is a
/// replay). Pure: the clock is a parameter.
public struct SlackRequestVerifier: Sendable {
    public static let maximumSkew: TimeInterval = 300
    let key: SymmetricKey

    public init(signingSecret: SlackToken) {
        key = SymmetricKey(data: Data(signingSecret.reveal.utf8))
    }

    public func verify(timestamp: String?, signature: String?, body: some Collection<UInt8>, now: Date) throws(SlackError) {
        guard let timestamp, let signature, !timestamp.isEmpty, !signature.isEmpty else {
            throw .signatureRejected(.missingHeaders)
        }
        guard timestamp.count <= 12, timestamp.allSatisfy(\.isASCII), let seconds = Int(timestamp) else {
            throw .signatureRejected(.malformedTimestamp)
        }
        guard abs(now.timeIntervalSince1970 - TimeInterval(seconds)) <= Self.maximumSkew else {
            throw .signatureRejected(.stale)
        }
        guard signature.hasPrefix("v0=") else { throw .signatureRejected(.unsupportedVersion) }
        let expected = Self.signature(key: key, timestamp: timestamp, body: body)
        guard Self.constantTimeEqual(Array(expected.utf8), Array(signature.utf8)) else {
            throw .signatureRejected(.mismatch)
        }
    }

    /// `v0=<hex>` for a body: what Slack sends (and what tests sign with).
    public static func signature(secret: SlackToken, timestamp: String, body: some Collection<UInt8>) -> String {
        signature(key: SymmetricKey(data: Data(secret.reveal.utf8)), timestamp: timestamp, body: body)
    }

    static func signature(key: SymmetricKey, timestamp: String, body: some Collection<UInt8>) -> String {
        var mac = HMAC<SHA256>(key: key)
        mac.update(data: Data("v0:\(timestamp):".utf8))
        mac.update(data: Data(body))
        return "v0=" + mac.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Every byte is compared whatever the first difference: timing reveals nothing about
    /// how much of a forged signature was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        let count = max(a.count, b.count)
        for index in 0..<count {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
