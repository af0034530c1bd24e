import Foundation

/// The shared `config` and `credentials` files, parsed as the SDKs do: `[default]` and
/// `[profile name]` in config, `[name]` in credentials (credentials win on conflict),
/// `[services name]` sections, and indented sub-properties under a key with no value
/// (`ec2 =\n  endpoint_url = …`).
public struct AWSSharedConfig: Sendable, Equatable {
    /// profile name → key → value (keys lower-cased).
    public private(set) var profiles: [String: [String: String]] = [:]
    /// services-section name → service config key → key → value.
    public private(set) var services: [String: [String: [String: String]]] = [:]

    public init() {}

    /// Reads the files the environment points at (`AWS_CONFIG_FILE`,
    /// `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/…` under `HOME`). Missing files are empty.
    public static func load(environment: [String: String]) -> AWSSharedConfig {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let configPath = environment["AWS_CONFIG_FILE"].map { expandTilde($0, home: home) } ?? "\(home)/.aws/config"
        let credentialsPath = environment["AWS_SHARED_CREDENTIALS_FILE"].map { expandTilde($0, home: home) } ?? "\(home)/.aws/credentials"
        var config = AWSSharedConfig()
        if let text = try? String(contentsOfFile: configPath, encoding: .utf8) {
            config.merge(text: text, isCredentialsFile: false)
        }
        if let text = try? String(contentsOfFile: credentialsPath, encoding: .utf8) {
            config.merge(text: text, isCredentialsFile: true)
        }
        return config
    }

    private static func expandTilde(_ path: String, home: String) -> String {
        path.hasPrefix("~/") ? home + path.dropFirst(1) : path
    }

    public func profile(_ name: String) -> [String: String]? {
        profiles[name]
    }

    /// Parses one file's text into this configuration.
    public mutating func merge(text: String, isCredentialsFile: Bool) {
        enum Section { case profile(String), services(String), ignored }
        var section = Section.ignored
        var parentKey: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let isIndented = rawLine.first == " " || rawLine.first == "\t"
            let line = String(rawLine).trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                parentKey = nil
                guard let close = line.firstIndex(of: "]") else { section = .ignored; continue }
                let header = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                if isCredentialsFile {
                    section = .profile(header)
                } else if header == "default" {
                    section = .profile("default")
                } else if header.hasPrefix("profile ") || header.hasPrefix("profile\t") {
                    section = .profile(String(header.dropFirst("profile".count)).trimmingWhitespace)
                } else if header.hasPrefix("services ") {
                    section = .services(String(header.dropFirst("services".count)).trimmingWhitespace)
                } else {
                    section = .ignored
                }
                if case .profile(let name) = section, profiles[name] == nil { profiles[name] = [:] }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // Inline comments need whitespace before the marker, as in the SDKs.
            if let comment = value.range(of: " #") ?? value.range(of: " ;") {
                value = String(value[..<comment.lowerBound]).trimmingWhitespace
            }
            switch section {
            case .profile(let name):
                if isIndented, let parent = parentKey {
                    // Sub-properties (e.g. under `s3 =`) are kept flattened as `parent.key`.
                    profiles[name, default: [:]]["\(parent).\(key)"] = value
                } else {
                    parentKey = value.isEmpty ? key : nil
                    profiles[name, default: [:]][key] = value
                }
            case .services(let name):
                if isIndented, let parent = parentKey {
                    services[name, default: [:]][parent, default: [:]][key] = value
                } else {
                    parentKey = value.isEmpty ? key : nil
                }
            case .ignored:
                continue
            }
        }
    }
}
