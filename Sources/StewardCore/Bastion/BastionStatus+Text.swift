import Foundation

extension BastionStatus {
    /// `i-0abc running, 10.0.1.5, t3.micro, launched 2026-11-27T10:00:05Z, lease until
    /// 2026-11-27T13:00:00Z (U0123); connect: `aws ssm start-session --target i-0abc``
    public var line: String {
        var parts = ["\(instanceID) \(state)"]
        if let privateIPAddress { parts.append(privateIPAddress) }
        if let instanceType { parts.append(instanceType) }
        if let launchTime { parts.append("launched \(Timestamp.text(launchTime))") }
        var text = parts.joined(separator: ", ")
        guard isOwned else { return text + " — not managed by Steward; never touched" }
        if let leaseExpiresAt {
            text += ", lease until \(Timestamp.text(leaseExpiresAt))"
            if let requestedBy { text += " (\(requestedBy))" }
        }
        if state == ObservedBastion.State.running.rawValue || state == ObservedBastion.State.pending.rawValue {
            text += "; connect: `\(connectCommand)`"
        }
        return text
    }

    /// What AWS holds, for `ChatReply.bastionStatus(observed:)`: one line per instance, or a
    /// sentence saying there is none.
    public static func observedText(_ statuses: [BastionStatus]) -> String {
        guard !statuses.isEmpty else { return "no bastion instance." }
        return statuses.map(\.line).joined(separator: "\n")
    }
}
