/// Why a reconcile could not run at all: nothing was planned, so nothing may be read as "in sync".
public struct ReconcileFailure: Sendable, Hashable, Error {
    public enum Cause: String, Sendable, Hashable, Codable {
        /// The desired-state store as a whole could not be read (a missing directory, a table).
        case desiredStateUnreadable = "desired-state-unreadable"
        /// AWS could not be read (unreachable, access denied, throttled past retries).
        case awsUnreadable = "aws-unreadable"
    }

    public var cause: Cause
    public var message: String

    public init(_ cause: Cause, _ message: String) {
        self.cause = cause
        self.message = message
    }
}

extension ReconcileFailure: CustomStringConvertible {
    public var description: String { message }
}
