import Foundation
import StewardCore
import Synchronization
import Testing
@testable import StewardSlack

/// `/infra drift` from Slack through the one command session: a report is a read anyone may
/// ask for, an ack is an edit (closed by default, audited as applied when allowed).
@Suite struct SlackDriftCommandTests {
    static let dev = try! EnvironmentName("dev")

    /// Answers with fixed text and remembers the acks it was given.
    final class FakeDriftSource: DriftCommandSource {
        let acks = Mutex<[(String, DriftAck)]>([])
        func driftReport(environment: EnvironmentName?, now: Date) async -> String {
            "report for \(environment?.rawValue ?? "every environment")"
        }
        func acknowledgeDrift(id: String, ack: DriftAck) async -> Result<String, DriftHistoryError> {
            guard id == "known" else { return .failure(.unknownFinding(id: id, known: 1)) }
            acks.withLock { $0.append((id, ack)) }
            return .success("acknowledged \(id)")
        }
    }

    final class AuditBox: Sendable {
        let records = Mutex<[AuditRecord]>([])
    }

    func session(_ source: FakeDriftSource, audit: AuditBox) -> CommandSession {
        var session = CommandSession(store: MemoryStore([DesiredState(environment: Self.dev)]), policy: .default,
                                     audit: { record in audit.records.withLock { $0.append(record) } },
                                     clock: { Date(timeIntervalSince1970: 1_795_773_600) })
        session.driftSource = source
        return session
    }

    @Test func reportIsAReadAndAckIsClosedByDefault() async {
        let source = FakeDriftSource(), audit = AuditBox()
        let closed = SlackAccessPolicy(settings: SlackSettings())
        let access: @Sendable (ChatIntent, Bool) -> CommandAccessDecision = { intent, isProtected in
            closed.decide(user: "U0ALICE", channel: "C0OPS", intent: intent, isProtected: isProtected)
        }
        let report = await session(source, audit: audit).run(CommandRequest(.slash(command: "/infra", text: "drift dev"), actor: "U0ALICE"), access: access)
        #expect(report.reply.text == "report for dev")
        #expect(!report.reply.isError)
        let all = await session(source, audit: audit).run(CommandRequest(.slash(command: "/infra", text: "drift"), actor: "U0ALICE"), access: access)
        #expect(all.reply.text == "report for every environment")

        let ack = await session(source, audit: audit).run(CommandRequest(.slash(command: "/infra", text: "drift ack known 7d vendor test"), actor: "U0ALICE"), access: access)
        #expect(ack.reply.isError)
        #expect(ack.reply.text.contains(SlackAccessPolicy.closedByDefault))
        #expect(source.acks.withLock { $0.isEmpty }, "a denied ack changes nothing")
        #expect(audit.records.withLock { $0.last?.result } == "denied")
    }

    @Test func aPermissionRuleNamesWhoMayAck() {
        for intent in [ChatIntent.drift(environment: Self.dev), .driftAck(id: "known", duration: .days(1), reason: "r")] {
            #expect(SlackSettings.permissionKeys.contains(SlackAccessPolicy.verbKey(intent)), "\(intent)")
        }
        var settings = SlackSettings()
        settings.permissions = ["*": ["infra.drift.ack": ["U0ALICE"]]]
        let policy = SlackAccessPolicy(settings: settings)
        let ack = ChatIntent.driftAck(id: "known", duration: .days(1), reason: "r")
        #expect(policy.decide(user: "U0ALICE", channel: "C0OPS", intent: ack, isProtected: false) == .allowed)
        #expect(policy.decide(user: "U0BOB", channel: "C0OPS", intent: ack, isProtected: false) != .allowed)
    }

    @Test func allowedAckIsRecordedAsAppliedWithItsOwnerAndExpiry() async throws {
        let source = FakeDriftSource(), audit = AuditBox()
        var settings = SlackSettings()
        settings.allowedUsers = ["U0ALICE"]
        let policy = SlackAccessPolicy(settings: settings)
        let access: @Sendable (ChatIntent, Bool) -> CommandAccessDecision = { intent, isProtected in
            policy.decide(user: "U0ALICE", channel: "C0OPS", intent: intent, isProtected: isProtected)
        }
        let outcome = await session(source, audit: audit).run(CommandRequest(.slash(command: "/infra", text: "drift ack known 7d vendor test"), actor: "U0ALICE"), access: access)
        #expect(outcome.reply.text == "acknowledged known")
        let (id, ack) = try #require(source.acks.withLock { $0.first })
        #expect(id == "known" && ack.by == "U0ALICE" && ack.reason == "vendor test")
        #expect(ack.until == Date(timeIntervalSince1970: 1_795_773_600 + 7 * 86_400))
        let record = try #require(audit.records.withLock { $0.last })
        #expect(record.action == "infra drift ack" && record.target == "known" && record.result == "applied")

        let unknown = await session(source, audit: audit).run(CommandRequest(.slash(command: "/infra", text: "drift ack nope 7d x"), actor: "U0ALICE"), access: access)
        #expect(unknown.reply.isError && unknown.reply.text.contains("no open finding 'nope'"))
        #expect(audit.records.withLock { $0.last?.result } == "refused")
    }
}
