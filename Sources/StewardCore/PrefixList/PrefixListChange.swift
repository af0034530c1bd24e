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
    /// What the list held when observed, so a guard that holds changes back can say what the
    /// list will hold instead. Not part of the plan's JSON.
    public var observedEntries: [CIDR: String]
    /// Networks the list holds that are wider than policy lets any entry be: no entry can have
    /// put them there, so they are drift (critical) whether or not a guard holds their removal
    /// back. In network order; not part of the plan's JSON.
    public var widerThanPolicy: [CIDR] = []

    public init(
        family: AddressFamily, name: String, listID: String?, observedVersion: Int?, observedMaxEntries: Int?,
        maxEntries: Int?, target: [PrefixListEntry], add: [PrefixListEntryChange] = [], remove: [PrefixListEntryChange] = [],
        observedEntries: [CIDR: String] = [:]
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
        self.observedEntries = observedEntries
    }

    enum CodingKeys: String, CodingKey {
        case family, name, listID, observedVersion, observedMaxEntries, maxEntries, target, add, remove
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            family: container.decode(AddressFamily.self, forKey: .family), name: container.decode(String.self, forKey: .name),
            listID: container.decodeIfPresent(String.self, forKey: .listID),
            observedVersion: container.decodeIfPresent(Int.self, forKey: .observedVersion),
            observedMaxEntries: container.decodeIfPresent(Int.self, forKey: .observedMaxEntries),
            maxEntries: container.decodeIfPresent(Int.self, forKey: .maxEntries), target: container.decode([PrefixListEntry].self, forKey: .target),
            add: container.decode([PrefixListEntryChange].self, forKey: .add), remove: container.decode([PrefixListEntryChange].self, forKey: .remove)
        )
    }

    public var isCreate: Bool { listID == nil }
    public var isGrow: Bool { listID != nil && maxEntries != nil }
    public var isEmpty: Bool { listID != nil && maxEntries == nil && add.isEmpty && remove.isEmpty }
    /// The max entries in force once the change is applied.
    public var effectiveMaxEntries: Int { maxEntries ?? observedMaxEntries ?? 0 }
}
