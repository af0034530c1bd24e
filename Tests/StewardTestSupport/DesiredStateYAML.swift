import Foundation

/// The one desired-state file the tests write, in the format a person would (see DESIGN.md):
/// every world and estate builds its `<env>.yaml` here rather than by string of its own.
public struct DesiredStateYAML: Sendable {
    public struct Entry: Sendable {
        public var cidr: String
        public var description: String
        public var addedBy: String
        public var addedAt: Date
        public var expiresAt: Date?

        public init(cidr: String, description: String, addedBy: String = "tester", addedAt: Date = Date().addingTimeInterval(-60), expiresAt: Date?) {
            self.cidr = cidr
            self.description = description
            self.addedBy = addedBy
            self.addedAt = addedAt
            self.expiresAt = expiresAt
        }
    }

    public struct Lease: Sendable {
        public var requestedBy: String
        public var requestedAt: Date?
        public var expiresAt: Date

        public init(requestedBy: String, requestedAt: Date?, expiresAt: Date) {
            self.requestedBy = requestedBy
            self.requestedAt = requestedAt
            self.expiresAt = expiresAt
        }
    }

    public var environment: String
    public var tier: String
    public var isProtected: Bool
    public var allowTeardownUntil: String?
    public var whitelist: [Entry]
    public var bastion: Lease?
    /// Appended as written (keys a test needs that the fixture doesn't model, or breaks on purpose).
    public var extra: String

    public init(environment: String = "dev", tier: String = "running", isProtected: Bool = false, allowTeardownUntil: String? = nil,
                whitelist: [Entry] = [], bastion: Lease? = nil, extra: String = "") {
        self.environment = environment
        self.tier = tier
        self.isProtected = isProtected
        self.allowTeardownUntil = allowTeardownUntil
        self.whitelist = whitelist
        self.bastion = bastion
        self.extra = extra
    }

    /// RFC 3339 in UTC, whole seconds: what desired state accepts.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    public var text: String {
        var text = "environment: \(environment)\ntier: \(tier)\nprotected: \(isProtected)\n"
        if let allowTeardownUntil { text += "allow_teardown_until: \(allowTeardownUntil)\n" }
        if whitelist.isEmpty {
            text += "whitelist: []\n"
        } else {
            text += "whitelist:\n"
            for entry in whitelist {
                text += "  - cidr: \(entry.cidr)\n    description: \(entry.description)\n    added_by: \(entry.addedBy)\n"
                    + "    added_at: \(Self.timestamp(entry.addedAt))\n"
                if let expiresAt = entry.expiresAt { text += "    expires_at: \(Self.timestamp(expiresAt))\n" }
            }
        }
        if let bastion {
            text += "bastion:\n  requested_by: \(bastion.requestedBy)\n"
            if let requestedAt = bastion.requestedAt { text += "  requested_at: \(Self.timestamp(requestedAt))\n" }
            text += "  expires_at: \(Self.timestamp(bastion.expiresAt))\n"
        }
        return text + extra
    }

    /// Writes `<directory>/<environment>.yaml` atomically, as git or an editor's save would.
    public func write(in directory: URL) throws {
        try text.write(to: directory.appendingPathComponent("\(environment).yaml"), atomically: true, encoding: .utf8)
    }
}
