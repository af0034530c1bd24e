import Foundation
import StewardCore
import Yams

/// Decodes `desired-state/<env>.yaml` strictly, reporting every problem of a file at once as
/// `path:line:column: message`.
///
/// Refused: files over 1 MiB, invalid UTF-8, YAML anchors and aliases, tags, multiple
/// documents, duplicate keys, unknown or missing keys, values of the wrong type, malformed or
/// non-canonical CIDRs, duplicate CIDRs, timestamps without a zone, an `environment:` that
/// differs from the file name, and entries the policy refuses. Expired entries are valid but
/// inactive: they come back as warnings.
public struct DesiredStateDecoder: Sendable {
    /// 1 MiB. Larger files are refused before parsing: desired state is reviewed by people,
    /// and a parser fed hundreds of megabytes is a denial of service, not a change.
    public static let defaultMaximumFileSize = SourceText.maximumSize

    /// The size limit in bytes; only benchmarks and tests have reason to change it.
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = DesiredStateDecoder.defaultMaximumFileSize) {
        self.maximumFileSize = maximumFileSize
    }

    static let topLevelKeys = ["environment", "tier", "protected", "allow_teardown_until", "whitelist", "bastion"]
    static let entryKeys = ["cidr", "description", "added_by", "added_at", "expires_at"]
    static let bastionKeys = ["requested_by", "requested_at", "expires_at"]

    /// Decodes a file's bytes. `path` is used in diagnostics and, through its file name, to
    /// check `environment:`; pass `expectedEnvironment` to override what the name implies.
    public func decode(
        _ data: some Collection<UInt8>,
        path: String,
        expectedEnvironment: EnvironmentName? = nil,
        policy: Policy,
        now: Date
    ) -> DesiredStateDecoding {
        let source: SourceText
        switch SourceText.make(data, path: path, limit: maximumFileSize) {
        case .success(let text): source = text
        case .failure(let list): return DesiredStateDecoding(state: nil, diagnostics: list.sorted)
        }
        let root: Node
        switch YAMLLoader.load(source) {
        case .success(let node): root = node
        case .failure(let list): return DesiredStateDecoding(state: nil, diagnostics: list.sorted)
        }
        let expected = expectedEnvironment ?? DesiredStateDecoder.environmentName(forPath: path)
        var reader = NodeReader(path: path)
        let state = decodeState(root, expected: expected, policy: policy, now: now, reader: &reader)
        let diagnostics = reader.diagnostics
        return DesiredStateDecoding(state: diagnostics.hasErrors ? nil : state, diagnostics: diagnostics.sorted)
    }

    /// Reads a file, refusing one over the size limit before reading it.
    public func decodeFile(
        at url: URL,
        path: String? = nil,
        expectedEnvironment: EnvironmentName? = nil,
        policy: Policy,
        now: Date
    ) -> DesiredStateDecoding {
        let shownPath = path ?? url.path
        switch FileReading.read(url, path: shownPath, limit: maximumFileSize) {
        case .success(let bytes):
            return decode(bytes, path: shownPath, expectedEnvironment: expectedEnvironment, policy: policy, now: now)
        case .failure(let list):
            return DesiredStateDecoding(state: nil, diagnostics: list.items)
        }
    }

    /// `dev` for `desired-state/dev.yaml`; nil when the file name is not an environment name.
    public static func environmentName(forPath path: String) -> EnvironmentName? {
        let name = (path as NSString).lastPathComponent
        guard name.hasSuffix(".yaml") else { return nil }
        return try? EnvironmentName(String(name.dropLast(5)))
    }

    private func decodeState(_ root: Node, expected: EnvironmentName?, policy: Policy, now: Date, reader: inout NodeReader) -> DesiredState? {
        guard let fields = reader.fields(of: root, what: "the top level", known: DesiredStateDecoder.topLevelKeys,
                                         required: ["environment", "tier"]) else { return nil }
        var environment: EnvironmentName?
        if let field = fields["environment"], !reader.isNull(field.value), let text = reader.string(field.value, key: "environment") {
            do {
                let name = try EnvironmentName(text)
                environment = name
                if let expected, name != expected {
                    reader.error(field.value, "environment is '\(name)' but the file is \(expected).yaml; they must match — "
                        + "fix the value or rename the file to \(name).yaml")
                }
            } catch {
                reader.error(field.value, "'environment': \(error.description)")
            }
        }
        var tier: Tier?
        if let field = fields["tier"], !reader.isNull(field.value), let text = reader.string(field.value, key: "tier") {
            tier = Tier(rawValue: text)
            if tier == nil {
                reader.error(field.value, "'tier' is '\(text)'; expected one of running, stopped, torn-down")
            }
        }
        var isProtected = false
        if let field = fields["protected"] {
            isProtected = reader.bool(field.value, key: "protected") ?? false
        }
        var allowTeardownUntil: Date?
        if let field = fields["allow_teardown_until"], !reader.isNull(field.value) {
            allowTeardownUntil = reader.timestamp(field.value, key: "allow_teardown_until")
        }
        var whitelist: [WhitelistEntry] = []
        if let field = fields["whitelist"], !reader.isNull(field.value), let sequence = reader.sequence(field.value, key: "whitelist") {
            whitelist = decodeWhitelist(sequence, policy: policy, now: now, reader: &reader)
        }
        var bastion: BastionLease?
        if let field = fields["bastion"], !reader.isNull(field.value) {
            bastion = decodeBastion(field.value, now: now, reader: &reader)
        }
        guard let environment, let tier else { return nil }
        return DesiredState(environment: environment, tier: tier, isProtected: isProtected,
                            allowTeardownUntil: allowTeardownUntil, whitelist: whitelist, bastion: bastion)
    }

    private func decodeWhitelist(_ sequence: Node.Sequence, policy: Policy, now: Date, reader: inout NodeReader) -> [WhitelistEntry] {
        var entries: [WhitelistEntry] = []
        entries.reserveCapacity(sequence.count)
        // CIDR → line of its first appearance: one hash lookup per entry, never a pairwise scan.
        var seen: [CIDR: Int] = [:]
        seen.reserveCapacity(sequence.count)
        for node in sequence {
            guard let fields = reader.fields(of: node, what: "a whitelist entry", known: DesiredStateDecoder.entryKeys,
                                             required: ["cidr", "description", "added_by", "added_at"]) else { continue }
            var cidr: CIDR?
            if let field = fields["cidr"], !reader.isNull(field.value), let text = reader.scalarText(field.value, key: "cidr") {
                do {
                    let parsed = try CIDR(text)
                    cidr = parsed
                    if let firstLine = seen[parsed] {
                        reader.error(field.value, "\(parsed) is already whitelisted at line \(firstLine); "
                            + "each network appears once per environment — remove one of the two")
                    } else {
                        seen[parsed] = field.value.mark?.line ?? 0
                    }
                    if let violation = policy.violation(for: parsed) { reader.error(field.value, violation) }
                } catch {
                    reader.error(field.value, "'cidr': \(error.description)")
                }
            }
            var description: String?
            if let field = fields["description"], !reader.isNull(field.value) {
                description = reader.string(field.value, key: "description")
                if let text = description, let violation = policy.violation(forDescription: text) {
                    reader.error(field.value, violation)
                }
            }
            var addedBy: String?
            if let field = fields["added_by"], !reader.isNull(field.value) {
                addedBy = reader.string(field.value, key: "added_by")
                if addedBy?.isEmpty == true {
                    reader.error(field.value, "'added_by' is empty; say who added the entry")
                }
            }
            var addedAt: Date?
            if let field = fields["added_at"], !reader.isNull(field.value) {
                addedAt = reader.timestamp(field.value, key: "added_at")
            }
            var expiresAt: Date?
            var expiryReadable = true
            if let field = fields["expires_at"], !reader.isNull(field.value) {
                expiresAt = reader.timestamp(field.value, key: "expires_at")
                expiryReadable = expiresAt != nil
            }
            if let addedAt, expiryReadable, let violation = policy.violation(forExpiry: expiresAt, from: addedAt) {
                reader.error(fields["expires_at"]?.value ?? node, violation)
            }
            guard let cidr, let description, let addedBy, let addedAt, expiryReadable else { continue }
            let entry = WhitelistEntry(cidr: cidr, description: description, addedBy: addedBy, addedAt: addedAt, expiresAt: expiresAt)
            if !entry.isActive(at: now), let expiresAt {
                reader.warning(node, "\(cidr) (\(description)) expired at \(Timestamp.text(expiresAt)); it is no longer granted — "
                    + "remove the entry, or renew it with `/whitelist add \(cidr)`")
            }
            entries.append(entry)
        }
        return entries
    }

    private func decodeBastion(_ node: Node, now: Date, reader: inout NodeReader) -> BastionLease? {
        guard let fields = reader.fields(of: node, what: "bastion", known: DesiredStateDecoder.bastionKeys,
                                         required: ["requested_by", "expires_at"]) else { return nil }
        var requestedBy: String?
        if let field = fields["requested_by"], !reader.isNull(field.value) {
            requestedBy = reader.string(field.value, key: "requested_by")
        }
        var requestedAt: Date?
        var requestedAtReadable = true
        if let field = fields["requested_at"], !reader.isNull(field.value) {
            requestedAt = reader.timestamp(field.value, key: "requested_at")
            requestedAtReadable = requestedAt != nil
        }
        var expiresAt: Date?
        if let field = fields["expires_at"], !reader.isNull(field.value) {
            expiresAt = reader.timestamp(field.value, key: "expires_at")
        }
        if let requestedAt, let expiresAt, expiresAt < requestedAt {
            reader.error(fields["expires_at"]?.value, "bastion expires_at is before requested_at")
        }
        guard let requestedBy, let expiresAt, requestedAtReadable else { return nil }
        return BastionLease(requestedBy: requestedBy, requestedAt: requestedAt, expiresAt: expiresAt)
    }
}
