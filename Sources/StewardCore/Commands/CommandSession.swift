import Foundation

/// The one pipeline every command goes through, typed in Slack or on the command line:
/// parse (the shared grammar) → access (a rule the caller supplies) → guards (what AWS can
/// hold) → the store edit, or the status query (what AWS holds) → audit → reply. Built once
/// by the executable, so the CLI and Slack can't drift apart; they differ only in the access
/// rule and how their users spell commands.
public struct CommandSession: Sendable {
    public var store: any DesiredStateStore
    public var policy: Policy
    public var defaultEnvironment: EnvironmentName?
    /// Checks an edit must pass before it is written (rule quotas).
    public var guards: [any DesiredStateEditGuard]
    /// What AWS holds, for `infra status` and `bastion status`; nil answers from desired state.
    public var statusSource: (any ObservedStatusSource)?
    /// `/infra drift` and its acks.
    public var driftSource: (any DriftCommandSource)?
    /// Where every command, answered, applied, refused or denied, is recorded.
    public var audit: (@Sendable (AuditRecord) async -> Void)?
    /// `/` in Slack, `steward ` on the command line: how usage lines spell commands.
    public var commandPrefix: String
    public var clock: @Sendable () -> Date

    public init(
        store: any DesiredStateStore, policy: Policy, defaultEnvironment: EnvironmentName? = nil,
        guards: [any DesiredStateEditGuard] = [], statusSource: (any ObservedStatusSource)? = nil,
        audit: (@Sendable (AuditRecord) async -> Void)? = nil, commandPrefix: String = "/", clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.policy = policy
        self.defaultEnvironment = defaultEnvironment
        self.guards = guards
        self.statusSource = statusSource
        self.audit = audit
        self.commandPrefix = commandPrefix
        self.clock = clock
    }

    /// Runs one command. `access` decides whether the person may (the CLI allows all; Slack
    /// asks its access policy); `isProtected` is the environment's `protected:` flag.
    public func run(
        _ request: CommandRequest, access: @Sendable (ChatIntent, _ isProtected: Bool) -> CommandAccessDecision = { _, _ in .allowed }
    ) async -> CommandOutcome {
        let now = clock()
        let snapshot: DesiredStateSnapshot
        do {
            snapshot = try await store.load()
        } catch {
            let reply = ChatReply.refused("error: desired state could not be read, so nothing was changed: \(error)")
            await record(request, action: request.commandName, environment: "", target: "", result: "refused", reply: reply, now: now)
            return CommandOutcome(reply: reply)
        }
        let grammar = ChatCommandParser.GrammarContext(
            knownEnvironments: Set(snapshot.environments.keys).union(snapshot.failures.keys),
            policy: policy, defaultEnvironment: defaultEnvironment, commandPrefix: commandPrefix)
        let parsed: Result<ChatIntent, ChatCommandError>
        switch request.words {
        case .slash(let command, let text): parsed = ChatCommandParser(context: grammar).parse(commandNamed: command, text: text)
        case .shell(let family, let words): parsed = ChatCommandParser(context: grammar).parse(command: family, words: words)
        }
        let intent: ChatIntent
        switch parsed {
        case .success(let understood):
            intent = understood
        case .failure(let error):
            let reply = ChatReply.error(error)
            await record(request, action: request.commandName, environment: "", target: "", result: "refused", reply: reply, now: now)
            return CommandOutcome(reply: reply)
        }
        let environment = intent.environment
        let isProtected = environment.flatMap { snapshot.environments[$0]?.isProtected } ?? false
        if case .denied(let why) = access(intent, isProtected) {
            let reply = ChatReply.refused("denied: \(why). Nothing was changed.")
            await record(request, action: intent.auditAction, environment: environment?.rawValue ?? "", target: intent.auditTarget,
                         result: "denied", reply: reply, now: now)
            return CommandOutcome(reply: reply, intent: intent)
        }
        var handler = ChatCommandHandler(store: store, policy: policy, usage: grammar.usage, guards: guards)
        handler.observedStatus = statusSource
        handler.drift = driftSource
        let reply = await handler.handle(intent, actor: request.actor, now: now, snapshot: snapshot, context: request.editContext)
        let isEdit = intent.edit(actor: request.actor, now: now, policy: policy) != nil || intent.acknowledgesDrift
        let result = reply.isError ? "refused" : (isEdit ? "applied" : "answered")
        await record(request, action: intent.auditAction, environment: environment?.rawValue ?? "", target: intent.auditTarget,
                     result: result, reply: reply, now: now)
        return CommandOutcome(reply: reply, intent: intent, editedEnvironment: reply.kind == .queuedEdit ? environment : nil)
    }

    /// Refuses a request the caller rejected before parsing (a command from another workspace),
    /// recorded like every other.
    public func refuse(_ request: CommandRequest, because reason: String) async -> CommandOutcome {
        let reply = ChatReply.refused("denied: \(reason). Nothing was changed.")
        await record(request, action: request.commandName, environment: "", target: "", result: "denied", reply: reply, now: clock())
        return CommandOutcome(reply: reply)
    }

    private func record(_ request: CommandRequest, action: String, environment: String, target: String, result: String,
                        reply: ChatReply, now: Date) async {
        guard let audit else { return }
        await audit(AuditRecord(time: now, actor: request.actor, environment: environment, action: action, target: target,
                                result: result, reason: String(reply.text.prefix { $0 != "\n" })))
    }
}
