extension ReconcileReport {
    /// Something could not be known: the pass failed, desired state or AWS could not be read,
    /// or an action failed. Nothing may be called converged then.
    public var isIncomplete: Bool {
        failure != nil || !unreadable.isEmpty || !observationProblems.isEmpty || !failedActions.isEmpty
    }

    /// Guards held something back (apart from unreadable desired state, which is incomplete).
    public var isPartlyRefused: Bool {
        heldResults.contains { $0.refusedBy != nil && $0.refusedBy != .unreadableDesiredState }
            || refusals.contains { $0.guardName != .unreadableDesiredState }
    }

    /// `steward apply`: 0 every environment read and its plan applied (or nothing to do);
    /// 1 an error, or desired state or AWS could not be read; 3 applied except what a guard refused.
    public var applyExitCode: Int32 {
        if isIncomplete { return 1 }
        return isPartlyRefused ? 3 : 0
    }

    /// `steward plan --detailed-exitcode`: 0 no changes, 2 changes (refused ones included:
    /// AWS does not match), 1 an error or something unreadable.
    public var planExitCode: Int32 {
        if isIncomplete { return 1 }
        return hasChanges || isPartlyRefused ? 2 : 0
    }
}
