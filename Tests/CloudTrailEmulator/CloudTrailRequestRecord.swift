import Foundation

/// One request as the emulator received and answered it, in arrival order.
public struct CloudTrailRequestRecord: Sendable, Hashable {
    /// When it arrived, on the emulator's clock.
    public let arrival: ContinuousClock.Instant
    public let method: String
    public let target: String?
    public let body: String
    public let status: Int
    /// The `__type` answered, `nil` on success.
    public let errorType: String?
    /// Events in the answered page (0 on an error).
    public let eventCount: Int
}
