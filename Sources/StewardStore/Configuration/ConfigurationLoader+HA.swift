import Foundation
import StewardCore
import Yams

/// `ha:` of `steward.yaml`: the leader lease that lets several `steward run` replicas share one
/// estate. The durations are checked against each other, since a wrong order would let two
/// replicas write at once.
extension ConfigurationLoader {
    static let haTopLevelKeys = ["ha"]
    static let haKeys = ["lease_table", "lease_name", "lease_duration", "renew_every", "renew_deadline"]

    func decodeHA(_ fields: NodeReader.Fields, into configuration: inout StewardConfiguration, reader: inout NodeReader) {
        guard let field = fields["ha"], !reader.isNull(field.value) else { return }
        let node = field.value
        guard let keys = reader.fields(of: node, what: "ha", known: Self.haKeys, required: ["lease_table"]) else { return }
        var settings = HASettings(leaseTable: "")
        var valid = true
        if let field = keys["lease_table"], let text = reader.string(field.value, key: "lease_table") {
            if let problem = Self.tableNameProblem(text, key: "lease_table") {
                reader.error(field.value, problem)
                valid = false
            } else if text.contains(DynamoDBDesiredStateSettings.environmentPlaceholder) {
                reader.error(field.value, "'lease_table' is one table for every replica; it can't contain {env}")
                valid = false
            } else {
                settings.leaseTable = text
            }
        } else {
            valid = false
        }
        if let field = keys["lease_name"], let text = reader.string(field.value, key: "lease_name") {
            if text.isEmpty || text.count > 255 {
                reader.error(field.value, "'lease_name' must be 1–255 characters (the lease item's key); default: default")
                valid = false
            } else {
                settings.leaseName = text
            }
        }
        // The key whose value breaks the order is where the error points.
        var located: [String: Node] = [:]
        func duration(_ key: String, _ apply: (inout LeaseTiming, Duration) -> Void) {
            guard let field = keys[key], let text = reader.scalarText(field.value, key: key) else { return }
            do {
                apply(&settings.timing, try LeaseTiming.parse(text))
                located[key] = field.value
            } catch {
                reader.error(field.value, "'\(key)': \(error.description)")
                valid = false
            }
        }
        duration("lease_duration") { $0.leaseDuration = $1 }
        duration("renew_every") { $0.renewEvery = $1 }
        duration("renew_deadline") { $0.renewDeadline = $1 }
        if valid, let problem = settings.timing.problem {
            let culprit = settings.timing.renewEvery >= settings.timing.renewDeadline ? ["renew_every", "renew_deadline"] : ["renew_deadline", "lease_duration"]
            reader.error(culprit.lazy.compactMap { located[$0] }.first ?? node, "ha: \(problem)")
            valid = false
        }
        if valid { configuration.ha = settings }
    }
}
