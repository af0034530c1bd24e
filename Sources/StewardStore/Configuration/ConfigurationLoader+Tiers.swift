import StewardCore
import Yams

/// `tiers:` in steward.yaml: the tag that assigns resources to environments, and the price
/// table behind `infra status`'s monthly estimate.
extension ConfigurationLoader {
    static let tierKeys = ["environment_tag", "prices"]
    static let priceKeys = ["fargate_task_hour", "database_hour", "default_database_hour", "instance_hour", "default_instance_hour"]

    func decodeTiers(_ node: Node, into settings: inout TierSettings, reader: inout NodeReader) {
        guard let fields = reader.fields(of: node, what: "tiers", known: Self.tierKeys, required: []) else { return }
        if let field = fields["environment_tag"], let tag = nonEmpty(field.value, key: "environment_tag", reader: &reader) {
            settings.environmentTag = tag
        }
        if let field = fields["prices"], !reader.isNull(field.value),
           let prices = reader.fields(of: field.value, what: "tiers.prices", known: Self.priceKeys, required: []) {
            if let field = prices["fargate_task_hour"], let value = price(field.value, key: "fargate_task_hour", reader: &reader) {
                settings.prices.fargateTaskHour = value
            }
            if let field = prices["default_database_hour"], let value = price(field.value, key: "default_database_hour", reader: &reader) {
                settings.prices.defaultDatabaseHour = value
            }
            if let field = prices["default_instance_hour"], let value = price(field.value, key: "default_instance_hour", reader: &reader) {
                settings.prices.defaultInstanceHour = value
            }
            if let field = prices["database_hour"] {
                settings.prices.databaseHour.merge(priceTable(field.value, key: "database_hour", reader: &reader)) { $1 }
            }
            if let field = prices["instance_hour"] {
                settings.prices.instanceHour.merge(priceTable(field.value, key: "instance_hour", reader: &reader)) { $1 }
            }
        }
    }

    func nonEmpty(_ node: Node, key: String, reader: inout NodeReader) -> String? {
        guard let text = reader.string(node, key: key) else { return nil }
        guard !text.isEmpty else {
            reader.error(node, "'\(key)' is empty; remove it to use the default")
            return nil
        }
        return text
    }

    private func price(_ node: Node, key: String, reader: inout NodeReader) -> Double? {
        guard let text = reader.scalarText(node, key: key) else { return nil }
        guard let value = Double(text), value >= 0, value.isFinite else {
            reader.error(node, "'\(key)' must be an hourly price in USD such as 0.017, found '\(text)'")
            return nil
        }
        return value
    }

    private func priceTable(_ node: Node, key: String, reader: inout NodeReader) -> [String: Double] {
        guard case .mapping(let mapping) = node else {
            reader.error(node, "'\(key)' must map a class or type name to an hourly price, e.g. db.t3.micro: 0.017")
            return [:]
        }
        var table: [String: Double] = [:]
        for (name, value) in mapping {
            guard let text = reader.string(name, key: "\(key) key"), let hourly = price(value, key: "\(key).\(text)", reader: &reader) else { continue }
            table[text] = hourly
        }
        return table
    }
}
