import StewardCore
import Testing

/// `/infra drift [ENV]` and `/infra drift ack ID DURATION REASON…`: the forms that parse and
/// the ones that say what is missing.
@Suite struct ChatCommandParserDriftTests {
    typealias F = ChatFixture

    @Test(arguments: [
        ("drift", ChatIntent.drift(environment: nil)),
        ("drift dev", .drift(environment: F.dev)),
        ("DRIFT --env staging", .drift(environment: F.staging)),
        ("drift ack unmanaged-rule:security-group-rule:sg-1/sgr-2 7d vendor test", .driftAck(id: "unmanaged-rule:security-group-rule:sg-1/sgr-2", duration: .days(7), reason: "vendor test")),
        ("drift ACK id-1 12h \"until the migration ends\"", .driftAck(id: "id-1", duration: .hours(12), reason: "until the migration ends")),
    ])
    func valid(text: String, intent: ChatIntent) {
        #expect(F.parser.parse(command: .infra, text: text) == .success(intent))
    }

    @Test(arguments: [
        ("drift ack id-1 7d", "an ack needs the finding's id"),
        ("drift ack id-1", "an ack needs the finding's id"),
        ("drift ack id-1 soon reason", "bad ack duration"),
        ("drift nowhere", "nowhere"),
        ("drift dev staging", "staging"),
    ])
    func invalid(text: String, says: String) throws {
        let error = try #require(F.parser.parse(command: .infra, text: text).failure)
        #expect("\(error)".contains(says), "\(error)")
    }

    @Test func auditNamesAndEditness() {
        let ack = ChatIntent.driftAck(id: "id-1", duration: .days(7), reason: "r")
        #expect(ack.auditAction == "infra drift ack" && ack.auditTarget == "id-1" && ack.acknowledgesDrift)
        #expect(ack.edit(actor: "a", now: F.now, policy: .default) == nil, "an ack edits no desired state")
        #expect(ChatIntent.drift(environment: F.dev).auditAction == "infra drift")
        #expect(!ChatIntent.drift(environment: nil).acknowledgesDrift)
    }
}
