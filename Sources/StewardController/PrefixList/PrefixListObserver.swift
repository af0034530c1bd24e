import StewardAWS
import StewardCore

/// Reads an environment's Steward-owned prefix lists into value snapshots: one
/// DescribeManagedPrefixLists filtered by owner tag and by the environment's list names, then
/// one GetManagedPrefixListEntries per list (one per address family, plus strays) — constant
/// in the number of entries, paging aside.
///
/// The environment is selected by name rather than by a second tag filter: moto answers two
/// tag filters on prefix lists with HTTP 500 (its tag filter removes a non-matching list
/// twice). Steward always sends the name on create and modify, so the name is reliable.
public struct PrefixListObserver: Sendable {
    public var ec2: EC2Client
    public var ownerID: String

    public init(ec2: EC2Client, ownerID: String) {
        self.ec2 = ec2
        self.ownerID = ownerID
    }

    public func observe(environment: EnvironmentName) async throws -> [ObservedPrefixList] {
        let lists = try await ec2.describeManagedPrefixLists(filters: [
            EC2Filter.tag(StewardTag.owner, ownerID),
            EC2Filter(name: "prefix-list-name", values: AddressFamily.allCases.map { PrefixListPlanner.listName(environment: environment, family: $0) }),
        ])
        var observed: [ObservedPrefixList] = []
        for list in lists.sorted(by: { $0.prefixListID < $1.prefixListID }) {
            // Deleted or being deleted: nothing to keep in step, and a modify would fail.
            guard !list.state.hasPrefix("delete"), let family = Self.family(list.addressFamily) else { continue }
            observed.append(try await read(list, family: family, environment: environment))
        }
        return observed
    }

    /// One list by id, for a fresh read after AWS refused a modify as stale.
    public func observe(listID: String) async throws -> ObservedPrefixList? {
        guard let list = try await ec2.describeManagedPrefixLists(prefixListIDs: [listID]).first,
              let family = Self.family(list.addressFamily) else { return nil }
        return try await read(list, family: family, environment: nil)
    }

    private func read(_ list: EC2ManagedPrefixList, family: AddressFamily, environment: EnvironmentName?) async throws -> ObservedPrefixList {
        let entries = try await ec2.getManagedPrefixListEntries(prefixListID: list.prefixListID)
        var byCIDR: [CIDR: String] = [:]
        for entry in entries {
            guard let cidr = try? CIDR(canonicalizing: entry.cidr) else { continue }
            // AWS keeps one entry per network; an emulator that appends a re-added network
            // (moto, on a description change) lists the newest last, so the last one wins.
            byCIDR[cidr] = entry.description ?? ""
        }
        var tags = Dictionary(list.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        if list.tags.isEmpty, let environment {
            // EC2ManagedPrefixList reads `tags`, but EC2 sends them as `tagSet`, so none come
            // back; the describe selected on the owner tag and this environment's names, so
            // these hold. Once the parser reads `tagSet` this branch no longer runs and the
            // planner re-checks the real tags.
            tags = [StewardTag.owner: ownerID, StewardTag.ownedEnvironment: environment.rawValue]
        }
        return ObservedPrefixList(
            id: list.prefixListID, name: list.name, family: family, version: list.version ?? 0, maxEntries: list.maxEntries ?? 0,
            entries: byCIDR, tags: tags
        )
    }

    static func family(_ text: String) -> AddressFamily? {
        switch text.lowercased() {
        case "ipv4": return .ipv4
        case "ipv6": return .ipv6
        default: return nil
        }
    }

    static func awsFamily(_ family: AddressFamily) -> String { family == .ipv4 ? "IPv4" : "IPv6" }
}
