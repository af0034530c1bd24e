import Foundation
import Logging
import StewardAWS
import StewardCore

/// Carries a prefix-list plan out against EC2, in the order that never takes access away by
/// accident: lists first (create, or grow max entries in a modify of its own — AWS refuses a
/// modify that resizes and edits entries at once — then entries in chunks of 100, each modify
/// quoting `CurrentVersion` and always sending the name), then per group one authorize with
/// all its reference rules, then one revoke by rule ids. Rules whose network moved into a list
/// are only revoked once that list holds its networks and the group's reference is in place.
///
/// List actions are reported on the list: a create or new entry as `authorize`, a removed
/// entry as `revoke`, a description change or a max-entries growth as `update-description`.
public struct PrefixListExecutor: Sendable {
    public var ec2: EC2Client
    public var ownerID: String
    public var logger: Logger
    /// AWS takes at most 100 added and removed entries in one modify (and one create).
    public var maximumEntriesPerCall: Int
    /// How often, and how long apart, a list in `*-in-progress` is re-read before giving up
    /// until the next reconcile (AWS applies list changes asynchronously).
    public var settleAttempts: Int
    public var settleInterval: Duration

    /// Codes AWS answers a modify with when the list changed since it was read, or is still
    /// applying an earlier change: re-read and try once more.
    static let conflictCodes: Set<AWSErrorCode> = [.incorrectState, .prefixListVersionMismatch, .invalidPrefixListModification]

    public init(
        ec2: EC2Client, ownerID: String, logger: Logger = Logger(label: "steward.prefix-lists"),
        maximumEntriesPerCall: Int = 100, settleAttempts: Int = 20, settleInterval: Duration = .milliseconds(250)
    ) {
        self.ec2 = ec2
        self.ownerID = ownerID
        self.logger = logger
        self.maximumEntriesPerCall = maximumEntriesPerCall
        self.settleAttempts = settleAttempts
        self.settleInterval = settleInterval
    }

    var observer: PrefixListObserver { PrefixListObserver(ec2: ec2, ownerID: ownerID) }

    public func execute(_ plan: PrefixListPlan) async -> [ActionResult] {
        var results: [ActionResult] = []
        var listIDs: [AddressFamily: String] = [:]
        var settled: Set<AddressFamily> = []
        for change in plan.lists {
            let outcome = await apply(change, environment: plan.environment)
            results += outcome.results
            if let id = outcome.listID { listIDs[change.family] = id }
            if outcome.settled { settled.insert(change.family) }
        }
        for group in plan.groups where !group.isEmpty {
            results += await execute(group, environment: plan.environment, listIDs: listIDs, settled: settled)
        }
        for result in results where result.outcome == .failed {
            logger.error("prefix-list action failed", metadata: [
                "environment": "\(plan.environment)", "target": "\(result.resource) \(result.target)",
                "kind": "\(result.kind.rawValue)", "error": "\(result.message ?? "")",
            ])
        }
        return results
    }

    // MARK: Lists

    /// A list as the executor tracks it between calls.
    private struct ListState {
        var id: String
        var version: Int
        var maxEntries: Int
    }

    /// Applies one list change. `settled`: the list now holds exactly its target.
    private func apply(_ change: PrefixListChange, environment: EnvironmentName) async -> (listID: String?, results: [ActionResult], settled: Bool) {
        guard !change.isEmpty else { return (change.listID, [], true) }
        var results: [ActionResult] = []
        let newList = ResourceReference.newPrefixList(family: change.family)
        func result(_ kind: ActionResult.Kind, _ list: ResourceReference, _ target: ActionTarget, _ reason: PrefixListReason, _ outcome: ActionResult.Outcome, _ message: String? = nil) -> ActionResult {
            ActionResult(kind: kind, environment: environment, resource: list, target: target, reason: reason.rawValue, outcome: outcome, message: message)
        }
        func entryResults(
            _ listID: String, adds: [PrefixListEntryChange], removes: [PrefixListEntryChange],
            outcome: (PrefixListEntryChange, Bool) -> (ActionResult.Outcome, String?)
        ) -> [ActionResult] {
            let list = ResourceReference.prefixList(id: listID)
            return removes.map { let (o, m) = outcome($0, false); return result(.revoke, list, .entry($0.cidr), $0.reason, o, m) }
                + adds.map { let (o, m) = outcome($0, true); return result($0.reason == .descriptionChanged ? .updateDescription : .authorize, list, .entry($0.cidr), $0.reason, o, m) }
        }

        var state: ListState
        var pendingAdds = change.add
        if change.isCreate {
            let maxEntries = change.maxEntries ?? PrefixListPlanner.headroom(for: change.target.count)
            let createTarget = ActionTarget.setting("prefix list \(change.name) (\(change.family.rawValue), max entries \(maxEntries))")
            guard change.target.count <= maxEntries else {
                let error = PrefixListExecutionError.wouldExceedMaxEntries(listID: change.name, count: change.target.count, maxEntries: maxEntries)
                return (nil, [result(.authorize, newList, createTarget, .listNeeded, .failed, error.description)], false)
            }
            let first = Array(change.add.prefix(maximumEntriesPerCall))
            pendingAdds = Array(change.add.dropFirst(maximumEntriesPerCall))
            do {
                let tags = [
                    AWSTag(key: StewardTag.owner, value: ownerID),
                    AWSTag(key: StewardTag.ownedEnvironment, value: environment.rawValue),
                    AWSTag(key: StewardTag.prefixListFamily, value: change.family.rawValue),
                ]
                // The client makes one ClientToken per logical call, so its retries can't create twice.
                let created = try await settle(try await ec2.createManagedPrefixList(
                    name: change.name, addressFamily: PrefixListObserver.awsFamily(change.family), maxEntries: maxEntries,
                    entries: first.map { EC2IPRange(cidr: $0.cidr.description, description: $0.description) }, tags: tags
                ))
                state = ListState(id: created.prefixListID, version: created.version ?? 1, maxEntries: created.maxEntries ?? maxEntries)
                results.append(result(.authorize, .prefixList(id: state.id), createTarget, .listNeeded, .applied))
                results += first.map { result(.authorize, .prefixList(id: state.id), .entry($0.cidr), $0.reason, .applied) }
            } catch {
                let message = "\(error)"
                results.append(result(.authorize, newList, createTarget, .listNeeded, .failed, message))
                results += change.add.map { result(.authorize, newList, .entry($0.cidr), $0.reason, .failed, "prefix list not created") }
                return (nil, results, false)
            }
            if pendingAdds.isEmpty { return (state.id, results, true) }
        } else {
            guard let id = change.listID else { return (nil, [], false) }
            state = ListState(id: id, version: change.observedVersion ?? 0, maxEntries: change.observedMaxEntries ?? 0)
            if let grown = change.maxEntries, grown > state.maxEntries {
                let target = ActionTarget.setting("max entries \(state.maxEntries) -> \(grown)")
                do {
                    state = try await withConflictRetry(state) { current in
                        try await ec2.modifyManagedPrefixList(prefixListID: current.id, currentVersion: current.version, name: change.name, maxEntries: grown)
                    }
                    // Trust what was asked, not the echo: an emulator may ignore the resize.
                    state.maxEntries = max(state.maxEntries, grown)
                    results.append(result(.updateDescription, .prefixList(id: id), target, .listFull, .applied))
                } catch {
                    results.append(result(.updateDescription, .prefixList(id: id), target, .listFull, .failed, "\(error)"))
                    results += entryResults(id, adds: change.add, removes: change.remove) { _, _ in (.failed, "max entries not grown first") }
                    return (id, results, false)
                }
            }
        }

        // Entries: converge on the target, re-diffing once against a fresh read on a conflict.
        let listID = state.id
        let adds = pendingAdds
        let removes = change.isCreate ? [] : change.remove
        do {
            guard change.target.count <= state.maxEntries else {
                throw PrefixListExecutionError.wouldExceedMaxEntries(listID: listID, count: change.target.count, maxEntries: state.maxEntries)
            }
            do {
                state = try await sendEntries(state, name: change.name, adds: adds, removes: removes.map(\.cidr))
            } catch let error as AWSError where Self.conflictCodes.contains(error.code) {
                guard let fresh = try await observer.observe(listID: listID) else { throw PrefixListExecutionError.vanished(listID: listID) }
                let wanted = Dictionary(uniqueKeysWithValues: change.target.map { ($0.cidr, $0.description) })
                let freshAdds = change.target.filter { fresh.entries[$0.cidr] != $0.description }
                    .map { PrefixListEntryChange(cidr: $0.cidr, description: $0.description, reason: .newEntry) }
                let freshRemoves = fresh.entries.keys.filter { wanted[$0] == nil }.sorted()
                state = try await sendEntries(
                    ListState(id: listID, version: fresh.version, maxEntries: max(fresh.maxEntries, state.maxEntries)),
                    name: change.name, adds: freshAdds, removes: freshRemoves
                )
            }
            results += entryResults(listID, adds: adds, removes: removes) { _, _ in (.applied, nil) }
            return (listID, results, true)
        } catch {
            // Level-triggered answer to a partial failure: whatever the list now holds is what was applied.
            let message = "\(error)"
            let fresh = try? await observer.observe(listID: listID)
            results += entryResults(listID, adds: adds, removes: removes) { entry, isAdd in
                guard let fresh else { return (.failed, message) }
                let done = isAdd ? fresh.entries[entry.cidr] == entry.description : fresh.entries[entry.cidr] == nil
                return done ? (.applied, nil) : (.failed, message)
            }
            return (listID, results, false)
        }
    }

    /// Adds and removes in chunks of `maximumEntriesPerCall`, each a modify quoting the version
    /// the previous one produced; removes go first so a full list makes room.
    private func sendEntries(_ start: ListState, name: String, adds: [PrefixListEntryChange], removes: [CIDR]) async throws -> ListState {
        enum Operation { case add(PrefixListEntryChange), remove(CIDR) }
        let operations = removes.map(Operation.remove) + adds.map(Operation.add)
        var state = start
        var index = 0
        while index < operations.count {
            let chunk = operations[index..<min(index + maximumEntriesPerCall, operations.count)]
            index += chunk.count
            var addRanges: [EC2IPRange] = []
            var removeCIDRs: [String] = []
            for operation in chunk {
                switch operation {
                case .add(let entry): addRanges.append(EC2IPRange(cidr: entry.cidr.description, description: entry.description))
                case .remove(let cidr): removeCIDRs.append(cidr.description)
                }
            }
            let current = state
            let modified = try await settle(try await ec2.modifyManagedPrefixList(
                prefixListID: current.id, currentVersion: current.version, name: name, add: addRanges, remove: removeCIDRs
            ))
            state.version = modified.version ?? current.version + 1
        }
        return state
    }

    /// Runs a modify; when AWS calls the version stale or the list busy, re-reads the list and
    /// runs it once more with the fresh version.
    private func withConflictRetry(_ state: ListState, _ modify: (ListState) async throws -> EC2ManagedPrefixList) async throws -> ListState {
        var current = state
        for attempt in 0..<2 {
            do {
                let list = try await settle(try await modify(current))
                return ListState(id: current.id, version: list.version ?? current.version + 1, maxEntries: list.maxEntries ?? current.maxEntries)
            } catch let error as AWSError where attempt == 0 && Self.conflictCodes.contains(error.code) {
                guard let fresh = try await ec2.describeManagedPrefixLists(prefixListIDs: [current.id]).first else {
                    throw PrefixListExecutionError.vanished(listID: current.id)
                }
                let settledList = try await settle(fresh)
                current = ListState(id: current.id, version: settledList.version ?? current.version, maxEntries: settledList.maxEntries ?? current.maxEntries)
            }
        }
        throw PrefixListExecutionError.stillInProgress(listID: current.id, state: "busy")
    }

    /// Waits (bounded) while AWS applies a change; the settled list carries the new version.
    private func settle(_ list: EC2ManagedPrefixList) async throws -> EC2ManagedPrefixList {
        var current = list
        var attempts = 0
        while current.state.hasSuffix("-in-progress") {
            guard attempts < settleAttempts else {
                throw PrefixListExecutionError.stillInProgress(listID: current.prefixListID, state: current.state)
            }
            attempts += 1
            try await Task.sleep(for: settleInterval)
            guard let fresh = try await ec2.describeManagedPrefixLists(prefixListIDs: [current.prefixListID]).first else {
                throw PrefixListExecutionError.vanished(listID: current.prefixListID)
            }
            current = fresh
        }
        if current.state.hasSuffix("-failed") {
            throw PrefixListExecutionError.changeFailed(listID: current.prefixListID, state: current.state)
        }
        return current
    }

    // MARK: Groups

    private struct ReferenceKey: Hashable {
        var family: AddressFamily
        var ports: PortRange
    }

    private func execute(_ group: PrefixListGroupPlan, environment: EnvironmentName, listIDs: [AddressFamily: String], settled: Set<AddressFamily>) async -> [ActionResult] {
        var results: [ActionResult] = []
        var ready: [PrefixListRuleGrant] = []
        for grant in group.authorize {
            var resolved = grant
            resolved.listID = grant.listID ?? listIDs[grant.family]
            if resolved.listID == nil {
                results.append(ActionResult(kind: .authorize, environment: environment, resource: .securityGroup(id: group.groupID), target: grant.target,
                                            reason: grant.reason.rawValue, outcome: .refused, message: "the \(grant.family.rawValue) prefix list could not be created"))
            } else {
                ready.append(resolved)
            }
        }
        // References still missing after this run: moved rules of that family and port stay.
        var missing = Set(group.authorize.map { ReferenceKey(family: $0.family, ports: $0.ports) })

        func authorize() async {
            let tags = [AWSTag(key: StewardTag.owner, value: ownerID),
                        AWSTag(key: StewardTag.ownedEnvironment, value: environment.rawValue)]
            let outcomes = await Batch.run(ready, convergedCode: .invalidPermissionDuplicate) { batch in
                try await ec2.authorizeSecurityGroupIngress(groupID: group.groupID, permissions: batch.map { grant in
                    EC2IPPermission(ipProtocol: grant.networkProtocol.rawValue, fromPort: Int(grant.ports.from), toPort: Int(grant.ports.to),
                                    prefixLists: [EC2PrefixListReference(prefixListID: grant.listID ?? "", description: grant.description)])
                }, ruleTags: tags)
            }
            for (grant, outcome, message) in outcomes {
                if outcome != .failed { missing.remove(ReferenceKey(family: grant.family, ports: grant.ports)) }
                results.append(ActionResult(kind: .authorize, environment: environment, resource: .securityGroup(id: group.groupID), target: grant.target,
                                            reason: grant.reason.rawValue, outcome: outcome, message: message))
            }
        }

        func revoke(referencesChecked: Bool) async {
            var sendable: [PrefixListRuleRevocation] = []
            for revocation in group.revoke {
                if revocation.reason == .movedIntoList, let family = revocation.family {
                    let listReady = settled.contains(family)
                    let referenced = !referencesChecked || revocation.ports.map { !missing.contains(ReferenceKey(family: family, ports: $0)) } ?? false
                    guard listReady, referenced else {
                        results.append(ActionResult(kind: .revoke, environment: environment, resource: .securityGroup(id: group.groupID), target: .rule(id: revocation.ruleID, source: revocation.source.description),
                                                    reason: revocation.reason.rawValue, outcome: .refused,
                                                    message: "kept until the \(family.rawValue) prefix list holds its networks and this group references it"))
                        continue
                    }
                }
                sendable.append(revocation)
            }
            results += await Batch.run(sendable, convergedCode: .invalidPermissionNotFound) { batch in
                try await ec2.revokeSecurityGroupIngress(groupID: group.groupID, ruleIDs: batch.map(\.ruleID))
            }.map { revocation, outcome, message in
                ActionResult(kind: .revoke, environment: environment, resource: .securityGroup(id: group.groupID), target: .rule(id: revocation.ruleID, source: revocation.source.description),
                             reason: revocation.reason.rawValue, outcome: outcome, message: message)
            }
        }

        if group.authorizeFirst {
            await authorize()
            await revoke(referencesChecked: true)
        } else {
            // The quota can't hold both for a moment: free the rules first (a short gap for
            // the moved networks, bounded by one authorize call), then reference the list.
            await revoke(referencesChecked: false)
            await authorize()
        }
        return results
    }
}
