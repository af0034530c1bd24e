import Foundation

/// The `ClientToken` of a bastion launch, derived from the lease alone so that a retried
/// call, a re-run after a crash, or another replica planning the same lease all send the same
/// token, and AWS launches once.
///
/// Inputs: owner id, environment, requester and the lease's start (`requested_at`, or its
/// expiry for a hand-written lease without one), at whole seconds since that is all YAML and
/// DynamoDB keep. `extend` changes none of them, so the token survives it; a new lease
/// (`create` after expiry or `destroy`) has a new start, so a new token.
///
/// AWS remembers a token for at least 24 hours after the instance terminates and answers a
/// repeat with the dead instance instead of launching. So a lease whose bastion died while
/// the lease still runs needs a fresh token: tokens come in numbered generations, and the
/// executor moves to the next one when AWS answers with a dead instance. Every caller walks
/// the same sequence, so they still agree.
public struct BastionLaunchToken: Sendable, Hashable, Codable {
    /// 48 hex characters of SHA-256 over the inputs.
    public var leaseKey: String

    public init(ownerID: String, environment: EnvironmentName, lease: BastionLease) {
        let anchor = Timestamp.text(lease.requestedAt ?? lease.expiresAt)
        // Newline-separated, each field on its own: no two different inputs join to one text.
        let material = ["steward-bastion-launch-v1", ownerID, environment.rawValue, lease.requestedBy, anchor]
            .map { $0.replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: "\n")
        leaseKey = String(SHA256.hex(material).prefix(48))
    }

    /// How many generations the executor tries before giving up on a lease.
    public static let maximumGenerations = 8

    /// `steward-<key>-<generation>`: at most 59 ASCII characters (AWS allows 64).
    public func clientToken(generation: Int = 0) -> String {
        "steward-\(leaseKey)-\(generation)"
    }
}
