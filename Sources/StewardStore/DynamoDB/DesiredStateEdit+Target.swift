import StewardCore

extension DesiredStateEdit {
    /// True for edits of the whitelist (rows of the whitelist table); the rest edit the
    /// environment item.
    var isWhitelistEdit: Bool {
        switch self {
        case .addWhitelistEntry, .removeWhitelistEntry: true
        case .setTier, .createBastionLease, .extendBastionLease, .dropBastionLease: false
        }
    }
}
