import StewardCore

/// Why the YAML directory store could not do what was asked, naming the file and what to do.
/// (Edits refused on their merits throw `DesiredStateEditError` instead.)
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case directoryUnreadable(path: String, reason: String)
    case directoryMissing(path: String)
    case lockFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case environmentExists(EnvironmentName, path: String)
    /// The text about to be written did not decode back to the state it was made from: a bug,
    /// caught before it reached the disk.
    case encodingCheckFailed(path: String, diagnostics: [Diagnostic])
    /// A DynamoDB table of desired state could not be read or written (missing, denied,
    /// throttled past retries): the environments it holds are unreadable, so nothing changes there.
    case tableUnavailable(table: String, operation: String, reason: String)
    /// `desired_state:` names no YAML directory and no DynamoDB table, or DynamoDB without an AWS client.
    case notConfigured(reason: String)

    public var description: String {
        switch self {
        case .directoryUnreadable(let path, let reason):
            return "cannot read the desired-state directory \(path): \(reason); "
                + "create it, or point --desired-state / STEWARD_DESIRED_STATE / desired_state in steward.yaml at it"
        case .directoryMissing(let path):
            return "desired-state directory \(path) does not exist; create it with one <env>.yaml per environment, "
                + "or point --desired-state / STEWARD_DESIRED_STATE at it"
        case .lockFailed(let path, let reason):
            return "cannot lock \(path): \(reason); check that the desired-state directory is writable by this user"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason); nothing was changed. Check free space and the directory's permissions"
        case .environmentExists(let environment, let path):
            return "environment \(environment) already exists (\(path)); edit it instead of creating it"
        case .encodingCheckFailed(let path, let diagnostics):
            return "refused to write \(path): the new text did not read back as the intended state (a Steward bug; "
                + "please report it). Nothing was changed:\n" + diagnostics.map(\.description).joined(separator: "\n")
        case .tableUnavailable(let table, let operation, let reason):
            return "cannot \(operation) DynamoDB table \(table): \(reason); nothing was changed in the environments it holds. "
                + "Check that the table exists in this region and that the IAM policy allows Steward's DynamoDB actions "
                + "(examples/iam-policy.json, statement StewardDesiredStateStore)"
        case .notConfigured(let reason):
            return "desired state is not configured: \(reason); set desired_state in steward.yaml (see examples/steward.yaml)"
        }
    }
}
