import Foundation

/// Idempotency tokens (`ClientToken`): made once per logical call, before any attempt, so
/// every retry carries the same one.
public enum AWSClientToken {
    public static func make() -> String {
        UUID().uuidString.lowercased()
    }
}
