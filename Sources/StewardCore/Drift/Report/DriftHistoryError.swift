/// What went wrong with the findings history, on which finding or file, and what to do.
public enum DriftHistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownFinding(id: String, known: Int)
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    case invalidDuration(String, reason: String)
    /// The history kept in a DynamoDB table: the table could not be read or written.
    case storeUnavailable(location: String, operation: String, reason: String)
    /// Other writers kept changing it while this one tried.
    case conflicted(location: String, attempts: Int)
    /// A leader's write refused: this replica no longer holds the lease at its epoch.
    case notLeading(location: String, epoch: Int)
    /// Larger than the store takes, even without its resolved findings.
    case tooLarge(location: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .unknownFinding(let id, let known):
            "no open finding '\(id)' in the drift history (\(known) open); run `steward drift` and copy an id from its output"
        case .unreadable(let path, let reason):
            "the drift history \(path) could not be read (\(reason)); fix or remove the file (its findings then start again as new)"
        case .unwritable(let path, let reason):
            "the drift history \(path) could not be written (\(reason)); check the directory exists and is writable"
        case .invalidDuration(let text, let reason):
            "ack duration '\(text)': \(reason); give e.g. 7d, 12h or 30m"
        case .storeUnavailable(let location, let operation, let reason):
            "the drift history in \(location) could not be \(operation) (\(reason)); check the table exists and the role may "
                + "dynamodb:GetItem, dynamodb:PutItem and dynamodb:DeleteItem on it (TransactWriteItems is authorized per action)"
        case .conflicted(let location, let attempts):
            "the drift history in \(location) changed under every one of \(attempts) attempts to update it; try again"
        case .notLeading(let location, let epoch):
            "the drift history in \(location) was not written: this replica no longer holds the leader lease at epoch \(epoch), "
                + "so the new leader keeps the history"
        case .tooLarge(let location, let bytes, let limit):
            "the drift history in \(location) is \(bytes) bytes even without its resolved findings, over the \(limit) it may take; "
                + "acknowledge or fix findings, or keep the history in a file (--history)"
        }
    }
}
