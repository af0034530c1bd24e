/// Why a command was not understood, with the usage of the command it was meant to be, so the
/// person can fix it from the reply alone.
public struct ChatCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: Reason
    /// The usage lines of the command (or family) concerned, e.g.
    /// `/whitelist add CIDR ["description"] [--env ENV] [--ttl 7d]`.
    public var usage: [String]

    public init(_ reason: Reason, usage: [String]) {
        self.reason = reason
        self.usage = usage
    }

    /// One line of reason, then `Usage: …` with further usage lines aligned under the first.
    public var description: String {
        guard let first = usage.first else { return reason.description }
        let indent = String(repeating: " ", count: "Usage: ".count)
        return ([reason.description, "Usage: " + first] + usage.dropFirst().map { indent + $0 })
            .joined(separator: "\n")
    }
}
