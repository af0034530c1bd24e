import StewardCore

/// A whitelist row read: the record when it validated, and everything said about it (errors
/// when it did not, warnings either way).
public struct WhitelistItemDecoding: Sendable, Hashable {
    public var record: WhitelistItemRecord?
    public var diagnostics: [Diagnostic]
}
