/// What a drift finding's "who did it" line says. Attribution is best effort: every case but
/// `found` still lets the report go out, and says why there is no name.
public enum AttributionResult: Sendable, Hashable, Codable {
    case found(DriftActor)
    /// CloudTrail was asked and holds no matching event (older than its 90 days, or made by
    /// something CloudTrail does not log).
    case notFound
    /// This pass had already started as many lookups as it may; a later pass will look.
    case notLookedUp
    /// CloudTrail could not be asked or did not answer: the reason says which (permission
    /// missing, throttled, unreachable).
    case unavailable(String)

    public var actor: DriftActor? {
        if case .found(let actor) = self { return actor }
        return nil
    }

    /// Why there is no answer, when CloudTrail could not be asked or did not answer.
    public var unavailableReason: String? {
        if case .unavailable(let reason) = self { return reason }
        return nil
    }
}
