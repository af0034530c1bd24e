import Foundation

extension AuditRecord {
    /// The resources Steward's reconciles changed at or after `since`, from audit records: what
    /// `steward drift` counts as fixed by Steward when a finding on one of them went away
    /// (a CLI `apply` has no other way to tell a later report).
    ///
    /// Only the reconciler's own records count (actor `ownerID`; edits and acks carry a person)
    /// and only applied ones (`converged` means AWS already had it so: someone else did it).
    /// `since` is inclusive because the log keeps whole seconds: an apply in the same second as
    /// the last report still counts. nil `since` (no report yet): nothing can have been fixed.
    public static func stewardActed(_ records: [AuditRecord], ownerID: String, since: Date?) -> Set<String> {
        guard let since else { return [] }
        let from = since.timeIntervalSince1970.rounded(.down)
        var ids: Set<String> = []
        for record in records where record.actor == ownerID && record.result == ActionResult.Outcome.applied.rawValue
            && record.time.timeIntervalSince1970 >= from {
            ids.formUnion(record.resources ?? [])
        }
        return ids
    }
}
