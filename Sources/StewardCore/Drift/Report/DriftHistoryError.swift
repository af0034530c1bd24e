/// What went wrong with the findings history, on which finding or file, and what to do.
public enum DriftHistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownFinding(id: String, known: Int)
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    case invalidDuration(String, reason: String)

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
        }
    }
}
