import Foundation
import StewardCore

/// Warns once per entry and lease before it runs out (by default 24 h before a whitelist entry
/// expires, 1 h before a bastion lease ends), so people can renew in time. An entry renewed
/// gets a new expiry and so a new warning.
struct ExpiryWarnings: Sendable {
    var whitelistLead: TimeSpan
    var bastionLead: TimeSpan
    private var warned: Set<String> = []

    init(whitelistLead: TimeSpan, bastionLead: TimeSpan) {
        self.whitelistLead = whitelistLead
        self.bastionLead = bastionLead
    }

    mutating func warnings(for snapshot: DesiredStateSnapshot, now: Date) -> [StewardNotification] {
        var notifications: [StewardNotification] = []
        var current: Set<String> = []
        for (environment, state) in snapshot.environments.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for entry in state.whitelist.sorted(by: { $0.cidr < $1.cidr }) {
                guard let expiry = entry.expiresAt, expiry > now,
                      expiry.timeIntervalSince(now) <= whitelistLead.timeInterval else { continue }
                let key = "\(environment)|\(entry.cidr)|\(expiry.timeIntervalSince1970)"
                current.insert(key)
                if warned.insert(key).inserted {
                    notifications.append(StewardNotification(kind: .expiringSoon, environment: environment, text:
                        "\(environment): \(entry.cidr) (\"\(entry.description)\") expires in \(Self.span(expiry, now)) "
                        + "(\(Timestamp.text(expiry))); `/whitelist add \(entry.cidr) --env \(environment)` renews it"))
                }
            }
            if let lease = state.bastion, lease.expiresAt > now, lease.expiresAt.timeIntervalSince(now) <= bastionLead.timeInterval {
                let key = "\(environment)|bastion|\(lease.expiresAt.timeIntervalSince1970)"
                current.insert(key)
                if warned.insert(key).inserted {
                    notifications.append(StewardNotification(kind: .expiringSoon, environment: environment, text:
                        "\(environment): the bastion lease ends in \(Self.span(lease.expiresAt, now)) (\(Timestamp.text(lease.expiresAt))); "
                        + "`/bastion extend \(environment)` keeps it longer"))
                }
            }
        }
        // Forget what is no longer due, so the set stays as small as what is about to expire.
        warned.formIntersection(current)
        return notifications
    }

    private static func span(_ date: Date, _ now: Date) -> String {
        TimeSpan(seconds: max(0, Int(date.timeIntervalSince(now)))).description
    }
}
