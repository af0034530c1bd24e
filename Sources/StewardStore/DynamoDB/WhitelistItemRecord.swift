import StewardCore

/// One row of the seed's whitelist table that validated: the entry it grants and what a
/// conditional write needs to replace or delete exactly this row.
public struct WhitelistItemRecord: Sendable, Hashable {
    /// `ip_address` as stored (a bare address stays bare: it is the item's key).
    public var ipAddress: String
    public var environment: EnvironmentName
    public var entry: WhitelistEntry
    /// Steward's write counter; nil on rows written by hand or by the seed.
    public var version: Int?
    /// The delivery that wrote the row last, so a redelivered command is not applied twice.
    public var editID: String?
    /// `table[ip_address=…, environment=…]`, for diagnostics.
    public var label: String

    public init(ipAddress: String, environment: EnvironmentName, entry: WhitelistEntry, version: Int?, editID: String?, label: String) {
        self.ipAddress = ipAddress
        self.environment = environment
        self.entry = entry
        self.version = version
        self.editID = editID
        self.label = label
    }
}
