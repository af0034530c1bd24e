import StewardCore

/// Identifies an action for "was it in the plan the user confirmed?".
public struct TierActionKey: Sendable, Hashable {
    public var kind: ActionResult.Kind
    public var resource: String

    public init(_ action: TierAction) {
        kind = action.kind
        resource = action.resource.name
    }
}
