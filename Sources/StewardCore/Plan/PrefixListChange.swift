/// What one address family's list needs: created, grown, entries added and removed.
/// `target` is the whole wanted content, so the executor can diff again against a fresh read
/// when AWS refuses a modify because someone else changed the list in between.
public struct PrefixListChange: Sendable, Hashable, Codable {
    public var family: AddressFamily
    /// Always sent on modify: some implementations erase the name when a modify omits it.
    public var name: String
    /// nil: the list doesn't exist yet and is created with `target` as its entries.
    public var listID: String?
    public var observedVersion: Int?
    public var observedMaxEntries: Int?
    /// The max entries to create with, or to grow to (in a modify of its own); nil: unchanged.
    public var maxEntries: Int?
    /// Every entry the list should hold afterwards, in network order.
    public var target: [PrefixListEntry]
    /// New entries and description changes (AWS updates a description when an existing
    /// network is added again).
    public var add: [PrefixListEntryChange]
    public var remove: [PrefixListEntryChange]

    public init(
        family: AddressFamily, name: String, listID: String?, observedVersion: Int?, observedMaxEntries: Int?,
        maxEntries: Int?, target: [PrefixListEntry], add: [PrefixListEntryChange] = [], remove: [PrefixListEntryChange] = []
    ) {
        self.family = family
        self.name = name
        self.listID = listID
        self.observedVersion = observedVersion
        self.observedMaxEntries = observedMaxEntries
        self.maxEntries = maxEntries
        self.target = target
        self.add = add
        self.remove = remove
    }

    public var isCreate: Bool { listID == nil }
    public var isGrow: Bool { listID != nil && maxEntries != nil }
    public var isEmpty: Bool { listID != nil && maxEntries == nil && add.isEmpty && remove.isEmpty }
    /// The max entries in force once the change is applied.
    public var effectiveMaxEntries: Int { maxEntries ?? observedMaxEntries ?? 0 }
}
