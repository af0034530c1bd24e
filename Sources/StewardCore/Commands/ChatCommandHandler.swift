import Foundation

/// Turns a parsed intent into a desired-state edit through the store and a reply. Shared by
/// the CLI and (through the same `DesiredStateStore` seam) the Slack bot, so both give the same
/// answer to the same words. It never touches AWS: the reconciler does that.
public struct ChatCommandHandler: Sendable {
    public var store: any DesiredStateStore
    public var policy: Policy
    public var usage: ChatCommandUsage
    /// Checks run on the proposed state before it is written (rule quotas).
    public var guards: [any DesiredStateEditGuard]
    /// What AWS holds, for `infra status` and `bastion status`; without it they answer from
    /// desired state alone.
    public var observedStatus: (any ObservedStatusSource)?
    /// Drift reports and acks; without it `/infra drift` says it needs the controller.
    public var drift: (any DriftCommandSource)?
    /// Where every edit, accepted or refused, is recorded (the audit log).
    public var audit: (@Sendable (AuditRecord) async -> Void)?

    public init(store: any DesiredStateStore, policy: Policy, usage: ChatCommandUsage, guards: [any DesiredStateEditGuard] = []) {
        self.store = store
        self.policy = policy
        self.usage = usage
        self.guards = guards
    }

    /// `snapshot`: desired state the caller has just read (for the grammar and access checks),
    /// so it is not read twice; the edit itself re-reads the file under its lock.
    public func handle(_ intent: ChatIntent, actor: String, now: Date, snapshot: DesiredStateSnapshot? = nil,
                       context: DesiredStateEditContext = DesiredStateEditContext()) async -> ChatReply {
        let reply = await answer(intent, actor: actor, now: now, snapshot: snapshot, context: context)
        if let audit, intent.edit(actor: actor, now: now, policy: policy) != nil {
            await audit(AuditRecord(
                time: now, actor: actor, environment: intent.environment?.rawValue ?? "", action: intent.auditAction,
                target: intent.auditTarget, result: reply.isError ? "refused" : "applied",
                reason: String(reply.text.prefix { $0 != "\n" })
            ))
        }
        return reply
    }

    private func driftAnswer(_ intent: ChatIntent, actor: String, now: Date) async -> ChatReply? {
        switch intent {
        case .drift(let environment):
            guard let drift else { return .refused("error: drift reports need Steward's AWS access; run `steward drift` where it has it") }
            return ChatReply(text: await drift.driftReport(environment: environment, now: now))
        case .driftAck(let id, let duration, let reason):
            guard let drift else { return .refused("error: drift acks need the findings history; run `steward drift ack` where it is kept") }
            let ack = DriftAck(by: actor, reason: reason, until: now.addingTimeInterval(duration.timeInterval), at: now)
            switch await drift.acknowledgeDrift(id: id, ack: ack) {
            case .success(let text): return ChatReply(text: text, kind: .queuedEdit)
            case .failure(let error): return .refused("error: \(error)")
            }
        default:
            return nil
        }
    }

    private func answer(_ intent: ChatIntent, actor: String, now: Date, snapshot preloaded: DesiredStateSnapshot?,
                        context: DesiredStateEditContext) async -> ChatReply {
        if case .help(let family) = intent { return .help(family, usage: usage) }
        if let reply = await driftAnswer(intent, actor: actor, now: now) { return reply }
        guard let environment = intent.environment else { return .refused("error: no environment") }
        do {
            let snapshot: DesiredStateSnapshot
            if let preloaded { snapshot = preloaded } else { snapshot = try await store.load() }
            if let diagnostics = snapshot.failures[environment] {
                return .error(DesiredStateEditError.invalidFile(diagnostics))
            }
            guard let before = snapshot.environments[environment] else {
                return .error(DesiredStateEditError.unknownEnvironment(environment))
            }
            guard let edit = intent.edit(actor: actor, now: now, policy: policy) else {
                let observed = await observedStatus?.observedStatus(for: intent, desired: before, now: now)
                return ChatReply.answer(intent, state: before, now: now, usage: usage, observed: observed)
                    ?? .refused("error: nothing to do for this command")
            }
            if !guards.isEmpty {
                let proposed = try before.applying(edit, policy: policy, now: now)
                for check in guards {
                    if let refusal = await check.refusal(for: edit, proposed: proposed, now: now) {
                        return .refused("error: refused: \(refusal)")
                    }
                }
            }
            let after = try await store.apply(edit, to: environment, actor: actor, now: now, context: context)
            return .applied(intent, before: before, after: after, now: now, usage: usage)
        } catch let error as DesiredStateEditError {
            return .error(error)
        } catch {
            return .refused("error: \(error)")
        }
    }
}
