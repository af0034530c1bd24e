extension DriftItem {
    /// A DynamoDB row the rest of desired state doesn't back: medium, like other changes made
    /// outside review on Steward's ground. The resource is the row (table and key), so the
    /// finding's id stays the same while the row does.
    static func desiredStateDiscrepancy(_ discrepancy: DesiredStateDiscrepancy) -> DriftItem {
        let kind: DriftKind = switch discrepancy.kind {
        case .unknownEnvironment: .desiredStateUnknownEnvironment
        case .conflict: .desiredStateConflict
        }
        return DriftItem(kind: kind, severity: .medium, environment: discrepancy.environment,
                         resource: .desiredState(source: discrepancy.row), message: discrepancy.message)
    }
}
