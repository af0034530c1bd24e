import Foundation
import StewardAWS
import StewardCore

extension DynamoDBDesiredStateStore {
    /// Reads the environment consistently, applies the edit with `DesiredState.applying` and
    /// writes only the rows it changed, each conditioned on the version read. A write that
    /// loses a race re-reads and re-applies, so concurrent writers are all kept.
    func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date,
               context: DesiredStateEditContext, reviewed: ReviewedState?) async throws -> DesiredState {
        if !edit.isWhitelistEdit, settings.environmentsTable == nil {
            throw StoreError.notConfigured(reason: "tier and bastion edits need desired_state.dynamodb.environments_table")
        }
        for _ in 1...Self.maximumEditAttempts {
            let current = try await readForEdit(environment, now: now)
            let rows = current.whitelist[environment] ?? []
            let item = current.environmentItems[environment]
            let layer = DesiredStateLayering.Layer(reviewed: reviewed?.state, reviewedPath: reviewed?.path, rows: rows, environmentItem: item)
            let before = DesiredStateLayering.merge(environment, layer).state
            guard reviewed != nil || !rows.isEmpty || item != nil else {
                throw DesiredStateEditError.unknownEnvironment(environment)
            }
            if let editID = context.editID, Self.alreadyApplied(editID, edit: edit, rows: rows, item: item) {
                return before
            }
            if let reviewed, let cidr = edit.whitelistNetwork, reviewed.state.entry(for: cidr) != nil {
                let verb = if case .removeWhitelistEntry = edit { "remove" } else { "change" }
                throw DesiredStateEditError.definedInReviewedFile(cidr, path: reviewed.path, verb: verb)
            }
            let after = try before.applying(edit, policy: policy, now: now).truncatedToWholeSeconds
            do {
                try await write(edit, after: after, rows: rows, item: item, environment: environment, actor: actor, now: now, context: context)
            } catch let error as AWSError where error.code == .conditionalCheckFailed {
                continue
            } catch let error as AWSError {
                throw Self.unavailable(settings.whitelistTable(for: environment), operation: "write", error)
            }
            var layered = layer
            layered.rows = rows.filter { $0.entry.cidr != edit.whitelistNetwork }
                + after.whitelist.filter { $0.cidr == edit.whitelistNetwork }.map {
                    WhitelistItemRecord(ipAddress: $0.cidr.description, environment: environment, entry: $0, version: nil, editID: nil, label: "")
                }
            if !edit.isWhitelistEdit { layered.environmentItem = Self.environmentItem(after, previous: item, edit: edit, actor: actor, now: now, context: context) }
            return DesiredStateLayering.merge(environment, layered).state
        }
        throw DesiredStateEditError.conflictingWriters(environment: environment, attempts: Self.maximumEditAttempts)
    }

    /// A redelivered command: its id is on the row it wrote or in the item's recent edits.
    static func alreadyApplied(_ editID: String, edit: DesiredStateEdit, rows: [WhitelistItemRecord], item: EnvironmentItemRecord?) -> Bool {
        switch edit {
        case .addWhitelistEntry(let entry):
            return rows.contains { $0.entry.cidr == entry.cidr && $0.editID == editID }
        case .removeWhitelistEntry:
            // A removal leaves no row to carry its id; a redelivery then finds nothing to
            // remove and is refused, which leaves the state as the first delivery left it.
            return false
        case .setTier, .createBastionLease, .extendBastionLease, .dropBastionLease:
            return item?.editIDs.contains(editID) == true
        }
    }

    private func write(_ edit: DesiredStateEdit, after: DesiredState, rows: [WhitelistItemRecord], item: EnvironmentItemRecord?,
                       environment: EnvironmentName, actor: String, now: Date, context: DesiredStateEditContext) async throws {
        let table = settings.whitelistTable(for: environment)
        switch edit {
        case .addWhitelistEntry(let entry):
            guard let written = after.entry(for: entry.cidr) else { return }
            let existing = rows.first { $0.entry.cidr == entry.cidr && $0.ipAddress == entry.cidr.description }
                ?? rows.first { $0.entry.cidr == entry.cidr }
            let ipAddress = existing?.ipAddress ?? entry.cidr.description
            let row = WhitelistItemCodec.encode(written, ipAddress: ipAddress, environment: environment, version: (existing?.version ?? 0) + 1,
                                                source: context.source, updatedAt: now, editID: context.editID)
            try await dynamoDB.putItem(table: table, item: row, condition: Self.unchanged(exists: existing != nil, version: existing?.version, keyAttribute: WhitelistItemCodec.ipAddress))
        case .removeWhitelistEntry(let cidr):
            for row in rows where row.entry.cidr == cidr {
                try await dynamoDB.deleteItem(table: table, key: WhitelistItemCodec.key(ipAddress: row.ipAddress, environment: environment),
                                              condition: Self.unchanged(exists: true, version: row.version, keyAttribute: WhitelistItemCodec.ipAddress))
            }
        case .setTier, .createBastionLease, .extendBastionLease, .dropBastionLease:
            guard let environmentsTable = settings.environmentsTable else { return }
            let record = Self.environmentItem(after, previous: item, edit: edit, actor: actor, now: now, context: context)
            try await dynamoDB.putItem(table: environmentsTable, item: EnvironmentItemCodec.encode(record),
                                       condition: Self.unchanged(exists: item != nil, version: item?.version, keyAttribute: EnvironmentItemCodec.environment))
        }
    }

    /// The environment item after an edit: the tier only when this edit set it (or the item
    /// already overrode it), the lease always, who and when, a new version and the delivery id.
    static func environmentItem(_ after: DesiredState, previous: EnvironmentItemRecord?, edit: DesiredStateEdit, actor: String, now: Date,
                                context: DesiredStateEditContext) -> EnvironmentItemRecord {
        var record = previous ?? EnvironmentItemRecord(environment: after.environment, label: "")
        if case .setTier = edit {
            record.tier = after.tier
            record.tierSetBy = actor
            record.tierSetAt = now
        } else if record.tier != nil {
            record.tier = after.tier
        }
        record.bastion = after.bastion
        record.updatedBy = actor
        record.updatedAt = now
        record.version = (previous?.version ?? 0) + 1
        if let editID = context.editID { record.editIDs = Array((record.editIDs + [editID]).suffix(EnvironmentItemCodec.rememberedEditIDs)) }
        return record
    }

    /// The condition that the row is still as read: absent, at its version, or (written by
    /// hand, without a version) still without one.
    static func unchanged(exists: Bool, version: Int?, keyAttribute: String) -> DynamoDBExpression {
        guard exists else {
            return DynamoDBExpression("attribute_not_exists(#key)", names: ["#key": keyAttribute])
        }
        if let version {
            return DynamoDBExpression("#version = :version", names: ["#version": "version"], values: [":version": .number(version)])
        }
        return DynamoDBExpression("attribute_exists(#key) AND attribute_not_exists(#version)",
                                  names: ["#key": keyAttribute, "#version": "version"])
    }
}

extension DesiredStateEdit {
    /// The network a whitelist edit is about.
    var whitelistNetwork: CIDR? {
        switch self {
        case .addWhitelistEntry(let entry): entry.cidr
        case .removeWhitelistEntry(let cidr): cidr
        case .setTier, .createBastionLease, .extendBastionLease, .dropBastionLease: nil
        }
    }
}
