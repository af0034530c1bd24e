import Foundation
import StewardCore
import Yams

/// Reads `steward.yaml` as strictly as desired state: unknown keys, wrong types and values out
/// of range are errors located as `path:line:column`, all reported at once.
public struct ConfigurationLoader: Sendable {
    public init() {}

    static let topLevelKeys = ["owner_id", "desired_state", "default_environment", "policy"] + controllerKeys + slackTopLevelKeys + haTopLevelKeys
    static let policyKeys = [
        "minimum_prefix_length_ipv4", "minimum_prefix_length_ipv6", "allow_world_open", "allow_permanent_entries",
        "default_ttl", "maximum_ttl", "bastion_ttl", "bastion_maximum_lifetime",
    ]

    /// Which file to read: `--config` > `STEWARD_CONFIG` > the text of `STEWARD_CONFIG_YAML` >
    /// `./steward.yaml` if present > none.
    /// The environment is passed in (not read from the process) so tests can control it.
    public static func resolveSource(explicitPath: String?, environment: [String: String],
                                     currentDirectory: URL) -> ConfigurationSource {
        func url(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)
        }
        if let explicitPath, !explicitPath.isEmpty { return .explicit(url(explicitPath)) }
        if let fromEnvironment = environment["STEWARD_CONFIG"], !fromEnvironment.isEmpty {
            return .environmentVariable(url(fromEnvironment))
        }
        if let inline = environment[inlineVariable], !inline.isEmpty { return .inline(variable: inlineVariable) }
        let local = currentDirectory.appendingPathComponent("steward.yaml")
        if FileManager.default.fileExists(atPath: local.path) { return .workingDirectory(local) }
        return .defaults
    }

    public static let inlineVariable = "STEWARD_CONFIG_YAML"

    /// Resolves the source and loads it; defaults when there is no file.
    public func load(explicitPath: String?, environment: [String: String],
                     currentDirectory: URL) throws(ConfigurationError) -> (StewardConfiguration, ConfigurationSource) {
        let source = ConfigurationLoader.resolveSource(explicitPath: explicitPath, environment: environment,
                                                       currentDirectory: currentDirectory)
        if case .inline(let variable) = source {
            // Diagnostics read `STEWARD_CONFIG_YAML:3:1: …`, lines counted in the variable's text.
            return (try decode(Array((environment[variable] ?? "").utf8), path: variable), source)
        }
        guard let url = source.url else { return (StewardConfiguration(), source) }
        let shown = explicitPath ?? environment["STEWARD_CONFIG"] ?? "steward.yaml"
        return (try load(from: url, path: shown, source: source), source)
    }

    public func load(from url: URL, path: String? = nil, source: ConfigurationSource? = nil) throws(ConfigurationError) -> StewardConfiguration {
        let shown = path ?? url.path
        switch FileReading.readBytes(url, path: shown, limit: SourceText.maximumSize) {
        case .success(let bytes): return try decode(bytes, path: shown)
        case .failure(.notFound): throw .notFound(path: shown, source: source ?? .explicit(url))
        case .failure(.other(let diagnostic)): throw .invalid([diagnostic])
        }
    }

    public func decode(_ data: some Collection<UInt8>, path: String) throws(ConfigurationError) -> StewardConfiguration {
        let source: SourceText
        switch SourceText.make(data, path: path) {
        case .success(let text): source = text
        case .failure(let list): throw .invalid(list.sorted)
        }
        let root: Node
        switch YAMLLoader.load(source) {
        case .success(let node): root = node
        case .failure(let list): throw .invalid(list.sorted)
        }
        var reader = NodeReader(path: path)
        var configuration = StewardConfiguration()
        if let fields = reader.fields(of: root, what: "steward.yaml", known: ConfigurationLoader.topLevelKeys, required: []) {
            if let field = fields["owner_id"], let text = reader.string(field.value, key: "owner_id") {
                if let problem = ConfigurationLoader.ownerIDProblem(text) {
                    reader.error(field.value, problem)
                } else {
                    configuration.ownerID = text
                }
            }
            if let field = fields["desired_state"] {
                decodeDesiredState(field.value, into: &configuration, reader: &reader)
            }
            if let field = fields["default_environment"], !reader.isNull(field.value),
               let text = reader.string(field.value, key: "default_environment") {
                do {
                    configuration.defaultEnvironment = try EnvironmentName(text)
                } catch {
                    reader.error(field.value, "'default_environment': \(error.description)")
                }
            }
            if let field = fields["policy"], !reader.isNull(field.value) {
                configuration.policy = decodePolicy(field.value, reader: &reader)
            }
            decodeController(fields, into: &configuration, reader: &reader)
            decodeSlack(fields, into: &configuration, reader: &reader)
            decodeHA(fields, into: &configuration, reader: &reader)
        }
        if reader.diagnostics.hasErrors { throw .invalid(reader.diagnostics.sorted) }
        return configuration
    }

    /// Tag values AWS accepts, kept to what is safe unquoted in filters and logs.
    static func ownerIDProblem(_ text: String) -> String? {
        if text.isEmpty { return "'owner_id' is empty; it marks what Steward owns (default: steward)" }
        if text.count > 128 { return "'owner_id' is \(text.count) characters; at most 128 are allowed (an AWS tag value limit)" }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:/=+@-")
        if let bad = text.first(where: { !allowed.contains($0) }) {
            return "'owner_id' contains '\(bad)'; use only letters, digits and _.:/=+@-"
        }
        return nil
    }

    private func decodePolicy(_ node: Node, reader: inout NodeReader) -> Policy {
        var policy = Policy()
        guard let fields = reader.fields(of: node, what: "policy", known: ConfigurationLoader.policyKeys, required: []) else {
            return policy
        }
        func prefix(_ key: String, maximum: Int) -> Int? {
            guard let field = fields[key], let text = reader.scalarText(field.value, key: key) else { return nil }
            guard field.value.scalar?.style == .plain, let value = Int(text), value >= 0, value <= maximum else {
                reader.error(field.value, "'\(key)' must be a whole number from 0 to \(maximum), found '\(text)'")
                return nil
            }
            return value
        }
        func span(_ key: String) -> TimeSpan? {
            guard let field = fields[key], let text = reader.scalarText(field.value, key: key) else { return nil }
            do {
                return try TimeSpan(parsing: text)
            } catch {
                reader.error(field.value, "'\(key)': \(error.description)")
                return nil
            }
        }
        if let value = prefix("minimum_prefix_length_ipv4", maximum: 32) { policy.minimumPrefixLengthIPv4 = value }
        if let value = prefix("minimum_prefix_length_ipv6", maximum: 128) { policy.minimumPrefixLengthIPv6 = value }
        if let field = fields["allow_world_open"], let value = reader.bool(field.value, key: "allow_world_open") {
            policy.allowWorldOpen = value
        }
        if let field = fields["allow_permanent_entries"], let value = reader.bool(field.value, key: "allow_permanent_entries") {
            policy.allowPermanentEntries = value
        }
        if let value = span("default_ttl") { policy.defaultTTL = value }
        if let value = span("maximum_ttl") { policy.maximumTTL = value }
        if let value = span("bastion_ttl") { policy.bastionTTL = value }
        if let value = span("bastion_maximum_lifetime") { policy.bastionMaximumLifetime = value }
        if policy.defaultTTL > policy.maximumTTL {
            reader.error(fields["default_ttl"]?.value ?? fields["maximum_ttl"]?.value ?? node,
                         "default_ttl (\(policy.defaultTTL)) is longer than maximum_ttl (\(policy.maximumTTL)); lower it or raise maximum_ttl")
        }
        if policy.bastionTTL > policy.bastionMaximumLifetime {
            reader.error(fields["bastion_ttl"]?.value ?? fields["bastion_maximum_lifetime"]?.value ?? node,
                         "bastion_ttl (\(policy.bastionTTL)) is longer than bastion_maximum_lifetime (\(policy.bastionMaximumLifetime))")
        }
        return policy
    }
}
