import Foundation
import StewardCore
import Testing

@Suite("ChatReply texts")
struct ChatReplyTests {
    typealias F = ChatFixture

    static func entry(_ cidr: String, _ description: String, by: String = "john.doe", expiresAt: Date?) -> WhitelistEntry {
        WhitelistEntry(cidr: F.cidr(cidr), description: description, addedBy: by, addedAt: F.at(-86_400), expiresAt: expiresAt)
    }

    static let lease = BastionLease(requestedBy: "U01234567", requestedAt: F.at(-3600), expiresAt: F.at(2 * 3600))

    /// Parses, edits and applies like the CLI and the Slack bot will, and returns the reply.
    func run(_ family: ChatCommandFamily, _ text: String, on before: DesiredState, actor: String = "U01234567") throws -> ChatReply {
        let intent = try F.parser.parse(command: family, text: text).get()
        let edit = try #require(intent.edit(actor: actor, now: F.now, policy: .default))
        let after = try before.applying(edit, policy: .default, now: F.now)
        return ChatReply.applied(intent, before: before, after: after, now: F.now)
    }

    @Test func addNew() throws {
        let reply = try run(.whitelist, "add 203.0.113.10 \"John office IP\" --env dev", on: DesiredState(environment: F.dev))
        #expect(reply.text == "queued: 203.0.113.10/32 added to dev until 2026-12-02T10:00:00Z (7d) — \"John office IP\". "
            + "Steward applies it on its next reconcile.")
        #expect(!reply.isError)
    }

    @Test func addWithDefaultDescriptionAndTTL() throws {
        let reply = try run(.whitelist, "add 2001:db8::/48 --env dev --ttl 1d12h", on: DesiredState(environment: F.dev), actor: "john.doe")
        #expect(reply.text == "queued: 2001:db8::/48 added to dev until 2026-11-26T22:00:00Z (1d12h) — \"added by john.doe\". "
            + "Steward applies it on its next reconcile.")
    }

    @Test func renewal() throws {
        let before = DesiredState(environment: F.dev, whitelist: [Self.entry("203.0.113.10/32", "old", expiresAt: F.timestamp("2026-11-27T10:00:00Z"))])
        let reply = try run(.whitelist, "add 203.0.113.10 \"John office IP\" --env dev", on: before)
        #expect(reply.text == "queued: 203.0.113.10/32 renewed in dev until 2026-12-02T10:00:00Z (7d) — \"John office IP\" "
            + "(was until 2026-11-27T10:00:00Z). Steward applies it on its next reconcile.")
    }

    @Test func renewalOfExpiredEntry() throws {
        let before = DesiredState(environment: F.dev, whitelist: [Self.entry("203.0.113.10/32", "old", expiresAt: F.at(-86_400))])
        let reply = try run(.whitelist, "add 203.0.113.10 Office --env dev --ttl 3d", on: before)
        #expect(reply.text == "queued: 203.0.113.10/32 renewed in dev until 2026-11-28T10:00:00Z (3d) — \"Office\" "
            + "(had expired 2026-11-24T10:00:00Z). Steward applies it on its next reconcile.")
    }

    @Test func removal() throws {
        let before = DesiredState(environment: F.dev, whitelist: [Self.entry("203.0.113.10/32", "John office IP", expiresAt: F.at(86_400))])
        let reply = try run(.whitelist, "remove 203.0.113.10 --env dev", on: before)
        #expect(reply.text == "queued: 203.0.113.10/32 removed from dev (\"John office IP\"). Steward revokes it on its next reconcile.")
    }

    @Test("tier changes", arguments: [
        ("stop dev", Tier.running, "queued: dev → stopped (was running). "
            + "On its next reconcile Steward scales services to zero and stops databases and instances."),
        ("start dev", .stopped, "queued: dev → running (was stopped). "
            + "On its next reconcile Steward starts services at their remembered sizes and starts databases and instances."),
        ("spinup dev", .tornDown, "queued: dev → running (was torn-down). "
            + "On its next reconcile Steward starts services at their remembered sizes and starts databases and instances."),
        ("teardown dev", .running, "queued: dev → torn-down (was running). "
            + "On its next reconcile Steward scales services to zero, stops instances and deletes databases after a final snapshot."),
        ("stop dev", .stopped, "no change: desired state already has dev stopped."),
        ("start dev", .running, "no change: desired state already has dev running."),
    ] as [(String, Tier, String)])
    func tiers(text: String, tier: Tier, reply: String) throws {
        #expect(try run(.infra, text, on: DesiredState(environment: F.dev, tier: tier)).text == reply)
    }

    @Test func stoppingEndsTheBastionLease() throws {
        let reply = try run(.infra, "stop dev", on: DesiredState(environment: F.dev, bastion: Self.lease))
        #expect(reply.text == "queued: dev → stopped (was running). "
            + "On its next reconcile Steward scales services to zero and stops databases and instances. Its bastion lease ends with it.")
    }

    @Test func bastionLeases() throws {
        #expect(try run(.bastion, "create dev", on: DesiredState(environment: F.dev)).text
            == "queued: bastion for dev until 2026-11-25T13:00:00Z (in 3h), requested by U01234567. Steward launches it on its next reconcile.")
        #expect(try run(.bastion, "extend dev", on: DesiredState(environment: F.dev, bastion: Self.lease)).text
            == "queued: dev bastion extended until 2026-11-25T15:00:00Z (in 5h; was until 2026-11-25T12:00:00Z). Steward keeps it until then.")
        #expect(try run(.bastion, "destroy dev", on: DesiredState(environment: F.dev, bastion: Self.lease)).text
            == "queued: dev bastion lease dropped (was until 2026-11-25T12:00:00Z). Steward terminates the bastion on its next reconcile.")
    }

    static let listed = DesiredState(environment: F.dev, whitelist: [
        entry("203.0.113.10/32", "John office IP", expiresAt: F.at(7 * 86_400 - 60)),
        entry("2001:db8::/48", "v6 lab", by: "bob", expiresAt: nil),
        entry("198.51.100.0/24", "Office VPN", by: "alice", expiresAt: F.at(-2 * 3600)),
    ])

    @Test func whitelistList() {
        #expect(ChatReply.whitelistList(Self.listed, now: F.now).text == """
            dev whitelist (desired): 3 entries, 2 active
            • 198.51.100.0/24 — expired 2h ago (2026-11-25T08:00:00Z) — "Office VPN" — by alice
            • 203.0.113.10/32 — active, expires in 6d 23h (2026-12-02T09:59:00Z) — "John office IP" — by john.doe
            • 2001:db8::/48 — active, no expiry — "v6 lab" — by bob
            """)
        #expect(ChatReply.whitelistList(DesiredState(environment: F.dev), now: F.now).text
            == "dev whitelist (desired): empty. `/whitelist add CIDR --env dev` adds a network.")
        #expect(ChatReply.whitelistList(DesiredState(environment: F.dev), now: F.now, commandPrefix: "steward ").text
            == "dev whitelist (desired): empty. `steward whitelist add CIDR --env dev` adds a network.")
    }

    @Test("relative times", arguments: [
        (1, "in 1s"), (45, "in 45s"), (59 * 60, "in 59m"), (3600, "in 1h"), (3660, "in 1h 1m"), (3601, "in 1h"),
        (86_460, "in 1d"), (90_061, "in 1d 1h"), (7 * 86_400 - 60, "in 6d 23h"), (-300, "5m ago"), (-93_600, "1d 2h ago"),
    ] as [(Int, String)])
    func relativeTimes(offset: Int, text: String) {
        let state = DesiredState(environment: F.dev, bastion: BastionLease(requestedBy: "u", requestedAt: nil, expiresAt: F.at(TimeInterval(offset))))
        #expect(ChatReply.infraStatus(state, now: F.now).text.contains("(\(text))"))
    }

    @Test func bastionStatus() {
        let active = DesiredState(environment: F.dev, bastion: BastionLease(requestedBy: "U01234567", requestedAt: F.now, expiresAt: F.at(3 * 3600 - 60)))
        #expect(ChatReply.bastionStatus(active, now: F.now).text
            == "dev bastion (desired): wanted until 2026-11-25T12:59:00Z (in 2h 59m), requested by U01234567.")
        #expect(ChatReply.bastionStatus(DesiredState(environment: F.dev), now: F.now).text
            == "dev bastion (desired): none wanted. `/bastion create dev` asks for one.")
        #expect(ChatReply.bastionStatus(DesiredState(environment: F.dev, tier: .stopped), now: F.now).text
            == "dev bastion (desired): none wanted. dev is stopped; a bastion needs it running.")
        let expired = DesiredState(environment: F.dev, bastion: BastionLease(requestedBy: "U0", requestedAt: nil, expiresAt: F.at(-300)))
        #expect(ChatReply.bastionStatus(expired, now: F.now).text
            == "dev bastion (desired): lease expired 2026-11-25T09:55:00Z (5m ago); Steward terminates the bastion. `/bastion create dev` asks for one.")
        #expect(ChatReply.bastionStatus(active, now: F.now, observed: "i-0abc running at 10.0.1.5").text
            == "dev bastion (desired): wanted until 2026-11-25T12:59:00Z (in 2h 59m), requested by U01234567.\nAWS: i-0abc running at 10.0.1.5")
    }

    @Test func infraStatus() {
        var state = Self.listed
        state.isProtected = true
        state.allowTeardownUntil = F.at(86_400)
        state.bastion = BastionLease(requestedBy: "U01234567", requestedAt: F.now, expiresAt: F.at(3 * 3600 - 60))
        #expect(ChatReply.infraStatus(state, now: F.now).text == """
            dev (desired): running, protected (teardown allowed until 2026-11-26T10:00:00Z)
            bastion: wanted until 2026-11-25T12:59:00Z (in 2h 59m), requested by U01234567.
            whitelist: 3 entries, 2 active; next expiry 2026-12-02T09:59:00Z (in 6d 23h)
            """)
        #expect(ChatReply.infraStatus(DesiredState(environment: F.staging, tier: .stopped, isProtected: true), now: F.now).text == """
            staging (desired): stopped, protected
            bastion: none wanted.
            whitelist: no entries
            """)
        #expect(ChatReply.infraStatus(DesiredState(environment: F.staging), now: F.now, observed: "3 services at 0, 1 database stopped").text == """
            staging (desired): running
            bastion: none wanted.
            whitelist: no entries
            AWS: 3 services at 0, 1 database stopped
            """)
    }

    @Test func answersReadOnlyIntents() {
        #expect(ChatReply.answer(.whitelistList(environment: F.dev), state: Self.listed, now: F.now) == ChatReply.whitelistList(Self.listed, now: F.now))
        #expect(ChatReply.answer(.bastion(.status, environment: F.dev), state: Self.listed, now: F.now) == ChatReply.bastionStatus(Self.listed, now: F.now))
        #expect(ChatReply.answer(.infra(.status, environment: F.dev), state: Self.listed, now: F.now) == ChatReply.infraStatus(Self.listed, now: F.now))
        #expect(ChatReply.answer(.help(.bastion), state: Self.listed, now: F.now)?.text == F.usage.helpText(for: .bastion))
        #expect(ChatReply.answer(.infra(.stop, environment: F.dev), state: Self.listed, now: F.now) == nil)
        #expect(ChatReply.answer(.bastion(.create, environment: F.dev), state: Self.listed, now: F.now) == nil)
    }

    @Test func errors() {
        let parseError = F.parser.parse(command: .whitelist, text: "add 203.0.113.10/24 --env dev").failure!
        let reply = ChatReply.error(parseError)
        #expect(reply.isError)
        #expect(reply.text == """
            error: bad CIDR: '203.0.113.10/24' has host bits set; the network is 203.0.113.0/24 (write that, or the /32 of the single address)
            Usage: /whitelist add CIDR ["description"] [--env ENV] [--ttl 7d]
            """)
        let refused = ChatReply.error(DesiredStateEditError.noBastionLease(environment: F.dev))
        #expect(refused.isError)
        #expect(refused.text == "error: dev has no bastion lease; `/bastion create dev` asks for one")
    }

    @Test func refusedEditsReplyWithTheStoreReason() throws {
        let intent = try F.parser.parse(command: .infra, text: "teardown prod").get()
        let edit = try #require(intent.edit(actor: "U0", now: F.now, policy: .default))
        #expect(throws: DesiredStateEditError.teardownProtected(environment: F.prod)) {
            try DesiredState(environment: F.prod, isProtected: true).applying(edit, policy: .default, now: F.now)
        }
        #expect(ChatReply.error(DesiredStateEditError.teardownProtected(environment: F.prod)).text
            == "error: prod is protected: teardown needs `allow_teardown_until:` set to a future time in desired-state/prod.yaml, through review")
    }
}
