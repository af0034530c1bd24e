import Foundation
import StewardCore

extension DesiredState {
    /// The state with every time cut to whole seconds, as the canonical text writes them; a
    /// store returns (and checks against) this, so what it reports is what is on disk.
    var truncatedToWholeSeconds: DesiredState {
        func cut(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }
        var copy = self
        copy.allowTeardownUntil = allowTeardownUntil.map(cut)
        copy.whitelist = whitelist.map { entry in
            var entry = entry
            entry.addedAt = cut(entry.addedAt)
            entry.expiresAt = entry.expiresAt.map(cut)
            return entry
        }
        if var lease = bastion {
            lease.requestedAt = lease.requestedAt.map(cut)
            lease.expiresAt = cut(lease.expiresAt)
            copy.bastion = lease
        }
        return copy
    }
}
