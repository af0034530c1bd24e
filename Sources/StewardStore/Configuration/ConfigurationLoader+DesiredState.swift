import Foundation
import StewardCore
import Yams

/// `desired_state:` of `steward.yaml`: the YAML directory as a string (as before), or a
/// mapping with `yaml:` and `dynamodb:`.
extension ConfigurationLoader {
    static let desiredStateKeys = ["yaml", "dynamodb"]
    static let dynamoDBKeys = ["whitelist_table", "environments_table", "region", "consistent_reads", "poll_interval"]

    func decodeDesiredState(_ node: Node, into configuration: inout StewardConfiguration, reader: inout NodeReader) {
        guard case .mapping = node else {
            if let text = reader.string(node, key: "desired_state") {
                if text.isEmpty {
                    reader.error(node, "'desired_state' is empty; give the desired-state directory, e.g. desired-state")
                } else {
                    configuration.desiredState = DesiredStateSettings(yamlPath: text)
                }
            }
            return
        }
        guard let fields = reader.fields(of: node, what: "desired_state", known: Self.desiredStateKeys, required: []) else { return }
        var settings = DesiredStateSettings(yamlPath: nil)
        if let field = fields["yaml"], !reader.isNull(field.value), let text = reader.string(field.value, key: "yaml") {
            if text.isEmpty {
                reader.error(field.value, "'yaml' is empty; give the desired-state directory, or remove the key when DynamoDB holds everything")
            } else {
                settings.yamlPath = text
            }
        }
        if let field = fields["dynamodb"], !reader.isNull(field.value) {
            settings.dynamoDB = decodeDynamoDB(field.value, reader: &reader)
        }
        if settings.yamlPath == nil, settings.dynamoDB == nil, fields["dynamodb"] == nil {
            reader.error(node, "'desired_state' names neither 'yaml' nor 'dynamodb'; give at least one")
        }
        configuration.desiredState = settings
    }

    private func decodeDynamoDB(_ node: Node, reader: inout NodeReader) -> DynamoDBDesiredStateSettings? {
        guard let fields = reader.fields(of: node, what: "desired_state.dynamodb", known: Self.dynamoDBKeys,
                                         required: ["whitelist_table"]) else { return nil }
        func tableName(_ key: String) -> String? {
            guard let field = fields[key], !reader.isNull(field.value), let text = reader.string(field.value, key: key) else { return nil }
            if let problem = Self.tableNameProblem(text, key: key) {
                reader.error(field.value, problem)
                return nil
            }
            return text
        }
        let whitelistTable = tableName("whitelist_table")
        var settings = DynamoDBDesiredStateSettings(whitelistTable: whitelistTable ?? "", environmentsTable: tableName("environments_table"))
        if let environmentsTable = settings.environmentsTable, environmentsTable.contains(DynamoDBDesiredStateSettings.environmentPlaceholder),
           let field = fields["environments_table"] {
            reader.error(field.value, "'environments_table' is one table for all environments; it can't contain {env}")
        }
        if let field = fields["region"], !reader.isNull(field.value), let text = reader.string(field.value, key: "region") {
            if text.isEmpty || text.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
                reader.error(field.value, "'region' must be an AWS region such as us-east-1, found '\(text)'")
            } else {
                settings.region = text
            }
        }
        if let field = fields["consistent_reads"], let value = reader.bool(field.value, key: "consistent_reads") {
            settings.consistentReads = value
        }
        if let field = fields["poll_interval"], let text = reader.scalarText(field.value, key: "poll_interval") {
            do {
                let span = try TimeSpan(parsing: text)
                if span.seconds < 1 {
                    reader.error(field.value, "'poll_interval' is \(span); use 1s or more")
                } else {
                    settings.pollInterval = span
                }
            } catch {
                reader.error(field.value, "'poll_interval': \(error.description)")
            }
        }
        return whitelistTable == nil ? nil : settings
    }

    /// DynamoDB's rule for table names (3–255 of `a-z A-Z 0-9 _ - .`), with `{env}` allowed.
    static func tableNameProblem(_ text: String, key: String) -> String? {
        let bare = text.replacingOccurrences(of: DynamoDBDesiredStateSettings.environmentPlaceholder, with: "env")
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
        guard bare.count >= 3, bare.count <= 255, bare.allSatisfy({ allowed.contains($0) }) else {
            return "'\(key)' is '\(text)'; a DynamoDB table name is 3–255 letters, digits, '_', '-' and '.' ({env} stands for the environment)"
        }
        return nil
    }
}
