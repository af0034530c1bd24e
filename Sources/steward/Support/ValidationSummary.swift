import Foundation
import StewardCore
import StewardStore

/// The human summary `steward validate` prints after the diagnostics.
enum ValidationSummary {
    static func render(_ snapshot: DesiredStateSnapshot, configuration: StewardConfiguration, source: ConfigurationSource, now: Date) -> String {
        var lines: [String] = []
        let configText: String
        switch source {
        case .defaults: configText = "built-in defaults (no steward.yaml)"
        case .explicit(let url), .environmentVariable(let url), .workingDirectory(let url): configText = url.path
        case .inline(let variable): configText = "$\(variable)"
        }
        lines.append("configuration: \(configText); owner id \(configuration.ownerID)")
        for name in snapshot.environments.keys.sorted() {
            guard let state = snapshot.environments[name] else { continue }
            let active = state.activeEntries(at: now).count
            let expired = state.whitelist.count - active
            var line = "\(name): tier \(state.tier.rawValue)\(state.isProtected ? " (protected)" : ""), "
                + "\(active) active whitelist \(active == 1 ? "entry" : "entries")"
            if expired > 0 { line += ", \(expired) expired" }
            if let bastion = state.bastion {
                line += bastion.isActive(at: now)
                    ? ", bastion leased by \(bastion.requestedBy) until \(Timestamp.text(bastion.expiresAt))"
                    : ", bastion lease expired \(Timestamp.text(bastion.expiresAt))"
            } else {
                line += ", no bastion"
            }
            if let next = state.nextExpiry(after: now) { line += "; next expiry \(Timestamp.text(next))" }
            lines.append(line)
            if let override = state.overrides?.summary(tier: state.tier) { lines.append("  override: \(override)") }
            for entry in state.whitelist.sorted(by: { $0.cidr < $1.cidr }) {
                let status = entry.isActive(at: now) ? (entry.expiresAt.map { "until \(Timestamp.text($0))" } ?? "no expiry")
                    : "expired \(Timestamp.text(entry.expiresAt ?? now))"
                lines.append("  \(entry.cidr)  \"\(entry.description)\"  \(status)  (added by \(entry.addedBy))")
            }
        }
        for name in snapshot.failures.keys.sorted() {
            lines.append("\(name): INVALID — no changes will be made to it until fixed")
        }
        let failed = snapshot.failures.count + (snapshot.strayFailures.isEmpty ? 0 : 1)
        lines.append(failed == 0
            ? "ok: \(snapshot.environments.count) environment(s) valid"
            : "invalid: \(snapshot.allErrors.count) error(s); nothing will be changed where a file is invalid")
        return lines.joined(separator: "\n")
    }
}
