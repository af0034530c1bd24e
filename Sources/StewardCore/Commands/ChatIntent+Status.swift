extension ChatIntent {
    /// Status intents whose reply includes what AWS holds, when AWS is configured.
    public var asksForObservedStatus: Bool {
        switch self {
        case .infra(.status, _), .bastion(.status, _): true
        default: false
        }
    }
}
