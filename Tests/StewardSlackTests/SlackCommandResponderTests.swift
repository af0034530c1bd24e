import Foundation
import StewardCore
import Testing
@testable import StewardSlack

/// Slash commands through the shared grammar and handler: the same reply text as the CLI, an
/// edit wakes the loop for its environment and registers a follow-up, a denial changes nothing,
/// and every command — allowed, denied or malformed — is audited.
@Suite struct SlackCommandResponderTests {
    static let dev = try! EnvironmentName("dev")
    static let prod = try! EnvironmentName("prod")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    struct World {
        let store: MemoryStore
        let responder: SlackCommandResponder
        let audits: Recorder<AuditRecord>
        let wakes: Recorder<EnvironmentName>
        let posts: Recorder<SlackMessage>
        let followUps: FollowUpTracker
    }

    /// Edits from Slack are closed until someone says who may make them: these tests take
    /// commands from the ops channel.
    static var opsChannel: SlackSettings {
        var settings = SlackSettings()
        settings.allowedChannels = ["C0OPS"]
        return settings
    }

    func world(settings: SlackSettings = Self.opsChannel, prodProtected: Bool = true) -> World {
        let store = MemoryStore([DesiredState(environment: Self.dev), DesiredState(environment: Self.prod, isProtected: prodProtected)])
        let audits = Recorder<AuditRecord>(), wakes = Recorder<EnvironmentName>(), posts = Recorder<SlackMessage>()
        let followUps = FollowUpTracker { _, message in posts.append(message) }
        let now = self.now
        let responder = SlackCommandResponder(
            store: store, policy: .default, access: SlackAccessPolicy(settings: settings),
            audit: { audits.append($0) }, followUps: followUps, now: { now }, onEdit: { wakes.append($0) })
        return World(store: store, responder: responder, audits: audits, wakes: wakes, posts: posts, followUps: followUps)
    }

    func command(_ name: String, _ text: String, user: String = "U0ALICE", channel: String = "C0OPS") -> SlashCommand {
        SlashCommand(command: name, text: text, userID: user, userName: "alice", channelID: channel,
                     responseURL: "http://127.0.0.1:1/response/abc", triggerID: "t-\(text.hashValue)")
    }

    @Test func anEditIsQueuedWakesTheLoopAndAwaitsItsReconcile() async throws {
        let world = world()
        let reply = await world.responder.reply(to: command("/whitelist", "add 203.0.113.10 \"office\" --env dev --ttl 1d"))
        #expect(!reply.isError, "\(reply)")
        #expect(reply.text.hasPrefix("queued: 203.0.113.10/32 added to dev until"))
        // The same words through the CLI's handler give the same text.
        let cli = ChatCommandHandler(store: MemoryStore([DesiredState(environment: Self.dev)]), policy: .default, usage: ChatCommandUsage())
        let intent = try ChatCommandParser(context: .init(knownEnvironments: [Self.dev])).parse(command: .whitelist, text: "add 203.0.113.10 \"office\" --env dev --ttl 1d").get()
        #expect(await cli.handle(intent, actor: "U0ALICE", now: now).text == reply.text)

        #expect(await world.store.state("dev")?.whitelist.map(\.cidr.description) == ["203.0.113.10/32"])
        #expect(world.wakes.all == [Self.dev])
        #expect(await world.followUps.count == 1)
        #expect(world.audits.all.map(\.result) == ["applied"])
        #expect(world.audits.all.first?.actor == "U0ALICE")
    }

    @Test func theFollowUpWaitsForAReconcileThatStartedAfterTheEdit() async throws {
        let world = world()
        _ = await world.responder.reply(to: command("/whitelist", "add 203.0.113.10 --env dev"))
        // A pass that started before the edit can't have applied it.
        await world.followUps.reconciled(ReconcileOutcome(startedAt: now.addingTimeInterval(-1)), now: now)
        #expect(world.posts.all.isEmpty)
        await world.followUps.reconciled(ReconcileOutcome(startedAt: now.addingTimeInterval(1), environments: [
            Self.dev: EnvironmentOutcome(applied: ["authorized 203.0.113.10/32 tcp/443 on sg-1", "authorized 203.0.113.10/32 tcp/443 on sg-2"]),
        ]), now: now)
        let text = try #require(world.posts.all.first?.text)
        #expect(text.hasPrefix("done: dev reconciled after `/whitelist add 203.0.113.10 --env dev`"))
        #expect(text.contains("sg-2"))
        #expect(await world.followUps.count == 0)
    }

    /// A database still stopping after the pass: the first reply says "in progress" and what
    /// is awaited, later passes that still wait post nothing, and the pass that finishes posts
    /// "done" with everything applied along the way. Two posts in all.
    @Test func anEditAWSIsStillWorkingOnGetsAnInProgressReplyThenAFinalOne() async throws {
        let world = world()
        _ = await world.responder.reply(to: command("/infra", "stop dev"))
        await world.followUps.reconciled(ReconcileOutcome(startedAt: now.addingTimeInterval(1), environments: [
            Self.dev: EnvironmentOutcome(applied: ["ecs:dev/web scale to 0"], pending: ["rds:dev-db: stopping"]),
        ]), now: now)
        let first = try #require(world.posts.all.first?.text)
        #expect(first.hasPrefix("in progress: dev after `/infra stop dev`"))
        #expect(first.contains("ecs:dev/web scale to 0"))
        #expect(first.contains("• rds:dev-db: stopping"))
        #expect(await world.followUps.count == 1)
        await world.followUps.reconciled(ReconcileOutcome(startedAt: now.addingTimeInterval(2), environments: [
            Self.dev: EnvironmentOutcome(pending: ["rds:dev-db: stopping"]),
        ]), now: now)
        #expect(world.posts.all.count == 1)
        await world.followUps.reconciled(ReconcileOutcome(startedAt: now.addingTimeInterval(3), environments: [
            Self.dev: EnvironmentOutcome(applied: ["rds:dev-db snapshot tagged"]),
        ]), now: now)
        #expect(world.posts.all.count == 2)
        let last = try #require(world.posts.all.last?.text)
        #expect(last.hasPrefix("done: dev reconciled after `/infra stop dev`"))
        #expect(last.contains("ecs:dev/web scale to 0") && last.contains("rds:dev-db snapshot tagged"))
        #expect(await world.followUps.count == 0)
    }

    @Test func aFailedReconcileSaysWhatFailed() async throws {
        let world = world()
        _ = await world.responder.reply(to: command("/whitelist", "add 203.0.113.10 --env dev"))
        await world.followUps.reconciled(ReconcileOutcome(startedAt: now.addingTimeInterval(1), environments: [
            Self.dev: EnvironmentOutcome(failed: ["authorize 203.0.113.10/32 tcp/443 on sg-1 failed: RulesPerSecurityGroupLimitExceeded"]),
        ]), now: now)
        let text = try #require(world.posts.all.first?.text)
        #expect(text.hasPrefix("failed: dev reconciled with errors"))
        #expect(text.contains("RulesPerSecurityGroupLimitExceeded"))
        _ = await world.responder.reply(to: command("/whitelist", "add 203.0.113.11 --env dev"))
        await world.followUps.reconciled(ReconcileOutcome(startedAt: now.addingTimeInterval(2), failure: "AWS unreachable"), now: now)
        #expect(world.posts.all.last?.text.contains("could not run: AWS unreachable") == true)
    }

    @Test func readsAnswerWithoutWritingAndAreAudited() async {
        let world = world()
        _ = await world.responder.reply(to: command("/whitelist", "add 203.0.113.10 --env dev"))
        let list = await world.responder.respond(to: command("/whitelist", "list dev"))
        #expect(list.text.contains("203.0.113.10/32"))
        #expect(await world.store.writes == 1)
        #expect(world.wakes.all.count == 1)
        #expect(world.audits.all.map(\.action) == ["whitelist add", "whitelist list"])
        #expect(world.audits.all.last?.result == "answered")
    }

    @Test func aDenialSaysWhyChangesNothingAndIsAudited() async {
        var settings = SlackSettings()
        settings.allowedUsers = ["U0BOB"]
        let world = world(settings: settings)
        let reply = await world.responder.reply(to: command("/whitelist", "add 203.0.113.10 --env dev"))
        #expect(reply.isError)
        #expect(reply.text.hasPrefix("denied: you (U0ALICE) are not in slack.allowed_users"))
        #expect(reply.text.hasSuffix("Nothing was changed."))
        #expect(await world.store.writes == 0)
        #expect(world.wakes.all.isEmpty)
        #expect(await world.followUps.count == 0)
        #expect(world.audits.all.map(\.result) == ["denied"])
        #expect(world.audits.all.first?.target == "203.0.113.10/32")
    }

    @Test func protectedEnvironmentsRefuseUnlistedEdits() async {
        let world = world()
        let reply = await world.responder.reply(to: command("/infra", "stop prod"))
        #expect(reply.text.contains("prod is protected"))
        #expect(await world.store.writes == 0)
        let teardown = await world.responder.reply(to: command("/infra", "teardown dev"))
        #expect(teardown.text.contains("needs explicit permission"))
        #expect(await world.store.state("dev")?.tier == .running)
    }

    @Test func malformedCommandsGetUsageAndAreAudited() async {
        let world = world()
        let reply = await world.responder.reply(to: command("/whitelist", "ad 203.0.113.10 --env dev"))
        #expect(reply.isError)
        #expect(reply.text.contains("did you mean 'add'"))
        #expect(reply.text.contains("Usage: /whitelist"))
        #expect(world.audits.all.map(\.result) == ["refused"])
        #expect(await world.store.writes == 0)
    }

    @Test func aRefusedEditIsNotFollowedUp() async {
        let world = world()
        let reply = await world.responder.reply(to: command("/whitelist", "remove 198.51.100.0/24 --env dev"))
        #expect(reply.isError)
        #expect(world.wakes.all.isEmpty)
        #expect(await world.followUps.count == 0)
        #expect(world.audits.all.map(\.result) == ["refused"])
    }

    @Test func helpIsTheSharedHelp() async {
        let world = world()
        let reply = await world.responder.reply(to: command("/bastion", "help"))
        #expect(reply.text == ChatCommandUsage().helpText(for: .bastion))
    }
}
