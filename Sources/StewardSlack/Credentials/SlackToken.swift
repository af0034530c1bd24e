import Foundation

/// A Slack token or signing secret. Its description never shows the value, so interpolating
/// one into a log line or an error can't leak it; only `reveal` (used for the Authorization
/// header and the HMAC key) reads it.
public struct SlackToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum Kind: String, Sendable, Hashable {
        case bot = "bot token"
        case app = "app-level token"
        case signingSecret = "signing secret"

        var environmentVariable: String {
            switch self {
            case .bot: return "SLACK_BOT_TOKEN"
            case .app: return "SLACK_APP_TOKEN"
            case .signingSecret: return "SLACK_SIGNING_SECRET"
            }
        }

        var secretKey: String {
            switch self {
            case .bot: return "bot_token"
            case .app: return "app_token"
            case .signingSecret: return "signing_secret"
            }
        }
    }

    public let kind: Kind
    private let value: String

    public init(_ value: String, kind: Kind) {
        self.value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        self.kind = kind
    }

    /// The secret itself: only for the wire.
    public var reveal: String { value }

    public var isEmpty: Bool { value.isEmpty }

    public var description: String { "<\(kind.rawValue) redacted>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["kind": kind]) }
}
