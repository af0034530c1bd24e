import Foundation

extension ChatCommandFamily {
    /// The family a command name means, with or without the leading slash and in any case:
    /// Slack sends `/whitelist`, the CLI's subcommand is `whitelist`.
    public init?(command: String) {
        var name = Substring(command.trimmingCharacters(in: .whitespaces))
        if name.hasPrefix("/") { name = name.dropFirst() }
        self.init(rawValue: name.lowercased())
    }
}
