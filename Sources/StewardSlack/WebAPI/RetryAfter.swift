/// Reads `Retry-After` (seconds, as Slack sends it) into a delay, bounded so a hostile or
/// broken value can't park a client for hours.
enum RetryAfter {
    static let fallback: Duration = .seconds(1)
    static let maximum: Duration = .seconds(300)

    static func parse(_ header: String?) -> Duration {
        guard let header, let seconds = Double(header.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds >= 0 else {
            return fallback
        }
        return min(.milliseconds(Int64(seconds * 1000)), maximum)
    }
}
