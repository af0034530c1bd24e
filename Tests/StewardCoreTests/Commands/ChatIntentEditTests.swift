import Foundation
import StewardCore
import Testing

@Suite("ChatIntent → DesiredStateEdit")
struct ChatIntentEditTests {
    typealias F = ChatFixture

    @Test func addWithDescription() {
        let intent = ChatIntent.whitelistAdd(cidr: F.cidr("203.0.113.10/32"), description: "John office IP", environment: F.dev, ttl: .days(7))
        #expect(intent.edit(actor: "U01234567", now: F.now, policy: .default) == .addWhitelistEntry(WhitelistEntry(
            cidr: F.cidr("203.0.113.10/32"), description: "John office IP", addedBy: "U01234567",
            addedAt: F.now, expiresAt: F.timestamp("2026-12-02T10:00:00Z"))))
    }

    @Test("default description names the actor, within AWS's alphabet", arguments: [
        ("john.doe", "added by john.doe"),
        ("U01234567", "added by U01234567"),
        ("Jos\u{E9} M\u{FC}ller <ops>", "added by Jos_ M_ller _ops_"),
        ("tab\there\nnewline", "added by tab_here_newline"),
        ("", "added by unknown"),
        (String(repeating: "x", count: 300), "added by " + String(repeating: "x", count: 246)),
    ] as [(String, String)])
    func defaultDescription(actor: String, description: String) throws {
        let intent = ChatIntent.whitelistAdd(cidr: F.cidr("203.0.113.10/32"), description: nil, environment: F.dev, ttl: .hours(1))
        guard case .addWhitelistEntry(let entry) = intent.edit(actor: actor, now: F.now, policy: .default) else {
            Issue.record("expected an add")
            return
        }
        #expect(entry.description == description)
        #expect(entry.addedBy == actor)
        #expect(entry.expiresAt == F.at(3600))
        #expect(Policy.default.violations(for: entry).isEmpty)
    }

    @Test("edits of every verb", arguments: [
        (ChatIntent.whitelistRemove(cidr: F.cidr("2001:db8::/48"), environment: F.dev), DesiredStateEdit?.some(.removeWhitelistEntry(F.cidr("2001:db8::/48")))),
        (.bastion(.create, environment: F.dev),
         .createBastionLease(BastionLease(requestedBy: "U01234567", requestedAt: F.now, expiresAt: F.timestamp("2026-11-25T13:00:00Z")))),
        (.bastion(.extend, environment: F.dev), .extendBastionLease(by: .hours(3))),
        (.bastion(.destroy, environment: F.dev), .dropBastionLease),
        (.infra(.stop, environment: F.dev), .setTier(.stopped)),
        (.infra(.start, environment: F.dev), .setTier(.running)),
        (.infra(.spinup, environment: F.dev), .setTier(.running)),
        (.infra(.teardown, environment: F.dev), .setTier(.tornDown)),
        (.whitelistList(environment: F.dev), nil),
        (.bastion(.status, environment: F.dev), nil),
        (.infra(.status, environment: F.dev), nil),
        (.help(.whitelist), nil),
        (.help(.bastion), nil),
        (.help(.infra), nil),
    ] as [(ChatIntent, DesiredStateEdit?)])
    func edits(intent: ChatIntent, edit: DesiredStateEdit?) {
        #expect(intent.edit(actor: "U01234567", now: F.now, policy: .default) == edit)
    }

    @Test func bastionSpansComeFromPolicy() {
        var policy = Policy()
        policy.bastionTTL = .hours(1)
        #expect(ChatIntent.bastion(.extend, environment: F.dev).edit(actor: "a", now: F.now, policy: policy) == .extendBastionLease(by: .hours(1)))
        #expect(ChatIntent.bastion(.create, environment: F.dev).edit(actor: "a", now: F.now, policy: policy)
            == .createBastionLease(BastionLease(requestedBy: "a", requestedAt: F.now, expiresAt: F.at(3600))))
    }

    @Test func environments() {
        #expect(ChatIntent.help(.infra).environment == nil)
        #expect(ChatIntent.infra(.stop, environment: F.staging).environment == F.staging)
        #expect(ChatIntent.whitelistAdd(cidr: F.cidr("203.0.113.10"), description: nil, environment: F.prod, ttl: .days(1)).environment == F.prod)
    }

    @Test func parsedAddAppliesCleanly() throws {
        let intent = try F.parser.parse(command: .whitelist, text: "add 203.0.113.10 \u{201C}John office IP\u{201D} --env dev").get()
        let edit = try #require(intent.edit(actor: "john.doe", now: F.now, policy: .default))
        let state = try DesiredState(environment: F.dev).applying(edit, policy: .default, now: F.now)
        #expect(state.whitelist == [WhitelistEntry(cidr: F.cidr("203.0.113.10/32"), description: "John office IP",
                                                   addedBy: "john.doe", addedAt: F.now, expiresAt: F.timestamp("2026-12-02T10:00:00Z"))])
    }
}
