import Foundation
import StewardCore
import Yams

/// The controller's keys of `steward.yaml`: how groups are selected and guarded, per-environment
/// overrides, the audit log, the loop interval and the listen address.
extension ConfigurationLoader {
    static let controllerKeys = ["whitelist", "environments", "audit_log", "reconcile_interval", "listen", "tiers", "drift_report"]
    static let driftReportKeys = ["every", "at", "channel"]
    static let whitelistKeys = [
        "selection_tags", "environment_tag", "default_ports", "ports_tag", "rule_quota", "revoke_budget", "upsert_only", "mode",
    ]
    static let revokeBudgetKeys = ["maximum_rules", "maximum_fraction"]
    static let environmentKeys = ["whitelist_mode", "whitelist_ports", "upsert_only", "ecs_cluster", "bastion_launch_template"]

    func decodeController(_ fields: NodeReader.Fields, into configuration: inout StewardConfiguration, reader: inout NodeReader) {
        if let field = fields["whitelist"], !reader.isNull(field.value) {
            decodeWhitelist(field.value, into: &configuration.whitelist, reader: &reader)
        }
        if let field = fields["environments"], !reader.isNull(field.value) {
            decodeEnvironments(field.value, into: &configuration, reader: &reader)
        }
        if let field = fields["audit_log"] {
            if reader.isNull(field.value) {
                configuration.auditLogPath = nil
            } else if let text = reader.string(field.value, key: "audit_log") {
                if text.isEmpty {
                    reader.error(field.value, "'audit_log' is empty; give a file path, or null to disable the audit log")
                } else {
                    configuration.auditLogPath = text
                }
            }
        }
        if let field = fields["reconcile_interval"], let text = reader.scalarText(field.value, key: "reconcile_interval") {
            do {
                let span = try TimeSpan(parsing: text)
                if span.seconds < 5 {
                    reader.error(field.value, "'reconcile_interval' is \(span); use 5s or more (edits and expiries wake the loop anyway)")
                } else {
                    configuration.reconcileInterval = span
                }
            } catch {
                reader.error(field.value, "'reconcile_interval': \(error.description)")
            }
        }
        if let field = fields["drift_report"], !reader.isNull(field.value) {
            configuration.driftReport = decodeDriftReport(field.value, reader: &reader)
        }
        if let field = fields["tiers"], !reader.isNull(field.value) {
            decodeTiers(field.value, into: &configuration.tiers, reader: &reader)
        }
        if let field = fields["listen"], let text = reader.string(field.value, key: "listen") {
            if ListenAddress.isValid(text) {
                configuration.listenAddress = text
            } else {
                reader.error(field.value, "'listen' must be HOST:PORT such as 127.0.0.1:9090 or 0.0.0.0:9090, found '\(text)'")
            }
        }
    }

    /// `drift_report: { every: 24h, at: "09:00", channel: C… }`.
    private func decodeDriftReport(_ node: Node, reader: inout NodeReader) -> DriftReportSettings? {
        guard let fields = reader.fields(of: node, what: "drift_report", known: Self.driftReportKeys, required: ["channel"]) else { return nil }
        guard let channelField = fields["channel"], let channel = reader.string(channelField.value, key: "channel") else { return nil }
        guard !channel.isEmpty else {
            reader.error(channelField.value, "'drift_report.channel' is empty; give the Slack channel id digests and alerts go to (C…)")
            return nil
        }
        var settings = DriftReportSettings(channel: channel)
        if let field = fields["every"], let text = reader.scalarText(field.value, key: "every") {
            do {
                let span = try TimeSpan(parsing: text)
                if span.seconds < 10 {
                    reader.error(field.value, "'drift_report.every' is \(span); use 10s or more")
                } else {
                    settings.every = span
                }
            } catch {
                reader.error(field.value, "'drift_report.every': \(error.description)")
            }
        }
        if let field = fields["at"], let text = reader.scalarText(field.value, key: "at") {
            if let time = DriftReportSettings.TimeOfDay(parsing: text) {
                settings.at = time
            } else {
                reader.error(field.value, "'drift_report.at' must be a UTC time HH:MM such as \"09:00\", found '\(text)'")
            }
        }
        return settings
    }

    private func decodeWhitelist(_ node: Node, into settings: inout WhitelistSettings, reader: inout NodeReader) {
        guard let fields = reader.fields(of: node, what: "whitelist", known: Self.whitelistKeys, required: []) else { return }
        if let field = fields["selection_tags"] {
            if case .mapping(let mapping) = field.value {
                var tags: [String: String] = [:]
                for (key, value) in mapping {
                    if let name = reader.string(key, key: "selection_tags key"), let text = reader.string(value, key: name) {
                        tags[name] = text
                    }
                }
                if tags.isEmpty {
                    reader.error(field.value, "'selection_tags' is empty; Steward must select groups by at least one tag (default WhitelistManaged: \"true\")")
                } else {
                    settings.selectionTags = tags
                }
            } else {
                reader.error(field.value, "'selection_tags' must be a mapping of tag key to value")
            }
        }
        if let field = fields["environment_tag"], let text = reader.string(field.value, key: "environment_tag"), !text.isEmpty {
            settings.environmentTagKey = text
        }
        if let field = fields["ports_tag"], let text = reader.string(field.value, key: "ports_tag"), !text.isEmpty {
            settings.portsTagKey = text
        }
        if let field = fields["default_ports"], let ports = ports(field.value, key: "default_ports", reader: &reader) {
            settings.defaultPorts = ports
        }
        if let field = fields["rule_quota"], let value = integer(field.value, key: "rule_quota", range: 1...1000, reader: &reader) {
            settings.ruleQuota = value
        }
        if let field = fields["upsert_only"], let value = reader.bool(field.value, key: "upsert_only") {
            settings.upsertOnly = value
        }
        if let field = fields["mode"], let value = mode(field.value, key: "mode", reader: &reader) {
            settings.mode = value
        }
        if let field = fields["revoke_budget"],
           let budget = reader.fields(of: field.value, what: "revoke_budget", known: Self.revokeBudgetKeys, required: []) {
            if let rules = budget["maximum_rules"], let value = integer(rules.value, key: "maximum_rules", range: 0...100_000, reader: &reader) {
                settings.revokeBudget.maximumRules = value
            }
            if let fraction = budget["maximum_fraction"], let text = reader.scalarText(fraction.value, key: "maximum_fraction") {
                if let value = Double(text), value >= 0, value <= 1 {
                    settings.revokeBudget.maximumFraction = value
                } else {
                    reader.error(fraction.value, "'maximum_fraction' must be a number from 0 to 1 (0.5 = half of the owned rules), found '\(text)'")
                }
            }
        }
    }

    private func decodeEnvironments(_ node: Node, into configuration: inout StewardConfiguration, reader: inout NodeReader) {
        guard case .mapping(let mapping) = node else {
            reader.error(node, "'environments' must be a mapping of environment name to its settings")
            return
        }
        for (key, value) in mapping {
            guard let text = reader.string(key, key: "environments key") else { continue }
            let name: EnvironmentName
            do { name = try EnvironmentName(text) } catch {
                reader.error(key, "environments: \(error.description)")
                continue
            }
            guard let fields = reader.fields(of: value, what: "environments.\(text)", known: Self.environmentKeys, required: []) else { continue }
            var settings = EnvironmentSettings()
            if let field = fields["whitelist_mode"] { settings.whitelistMode = mode(field.value, key: "whitelist_mode", reader: &reader) }
            if let field = fields["whitelist_ports"] { settings.whitelistPorts = ports(field.value, key: "whitelist_ports", reader: &reader) }
            if let field = fields["upsert_only"] { settings.upsertOnly = reader.bool(field.value, key: "upsert_only") }
            if let field = fields["ecs_cluster"] { settings.ecsCluster = nonEmpty(field.value, key: "ecs_cluster", reader: &reader) }
            if let field = fields["bastion_launch_template"] {
                settings.bastionLaunchTemplate = nonEmpty(field.value, key: "bastion_launch_template", reader: &reader)
            }
            configuration.environments[name] = settings
        }
    }

    private func integer(_ node: Node, key: String, range: ClosedRange<Int>, reader: inout NodeReader) -> Int? {
        guard let text = reader.scalarText(node, key: key) else { return nil }
        guard node.scalar?.style == .plain, let value = Int(text), range.contains(value) else {
            reader.error(node, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'")
            return nil
        }
        return value
    }

    private func mode(_ node: Node, key: String, reader: inout NodeReader) -> WhitelistMode? {
        guard let text = reader.string(node, key: key) else { return nil }
        guard let mode = WhitelistMode(rawValue: text) else {
            reader.error(node, "'\(key)' must be one of \(WhitelistMode.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
            return nil
        }
        return mode
    }

    /// `443`, `"443,8443"` or a list `[22, 8000-8100]`.
    private func ports(_ node: Node, key: String, reader: inout NodeReader) -> [PortRange]? {
        var texts: [(String, Node)] = []
        if case .sequence(let sequence) = node {
            for item in sequence {
                if let text = reader.scalarText(item, key: key) { texts.append((text, item)) }
            }
        } else if let text = reader.scalarText(node, key: key) {
            texts = text.split(separator: ",").map { (String($0), node) }
        }
        var ports: [PortRange] = []
        for (text, item) in texts {
            do { ports.append(try PortRange(parsing: text)) } catch {
                reader.error(item, "'\(key)': \(error.description)")
                return nil
            }
        }
        guard !ports.isEmpty else {
            reader.error(node, "'\(key)' lists no ports")
            return nil
        }
        return Array(Set(ports)).sorted()
    }
}

/// `HOST:PORT` for the daemon's HTTP endpoints.
enum ListenAddress {
    static func isValid(_ text: String) -> Bool {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return false
        }
        return colon > text.startIndex
    }
}
