/// A planned action and why.
public struct TierStep: Sendable, Hashable {
    public var action: TierAction
    public var reason: String

    public init(_ action: TierAction, reason: String) {
        self.action = action
        self.reason = reason
    }
}
