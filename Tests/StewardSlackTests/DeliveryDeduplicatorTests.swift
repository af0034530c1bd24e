import Testing
@testable import StewardSlack

/// Redelivery is harmless: the same envelope, or the same command under a new envelope id,
/// gets the first reply and is not handled again — within its window, and not after.
@Suite struct DeliveryDeduplicatorTests {
    let reply = SlackMessage(text: "queued: 203.0.113.10/32 added to dev")

    @Test func sameEnvelopeIdIsADuplicateWithTheFirstReply() async {
        let dedupe = DeliveryDeduplicator(envelopeWindow: .seconds(60), commandWindow: .seconds(60), capacity: 100)
        guard case .first(let slot) = await dedupe.begin(envelopeID: "e1", commandIdentity: "U1|/whitelist|add|t1") else {
            Issue.record("the first delivery was not first")
            return
        }
        await dedupe.finish(slot, reply: reply)
        #expect(await dedupe.begin(envelopeID: "e1", commandIdentity: "U1|/whitelist|add|t1") == .duplicate(reply))
    }

    @Test func sameCommandUnderANewEnvelopeIdIsADuplicate() async {
        let dedupe = DeliveryDeduplicator(envelopeWindow: .seconds(60), commandWindow: .seconds(60), capacity: 100)
        guard case .first(let slot) = await dedupe.begin(envelopeID: "e1", commandIdentity: "same") else { return }
        await dedupe.finish(slot, reply: reply)
        #expect(await dedupe.begin(envelopeID: "e2", commandIdentity: "same") == .duplicate(reply))
        // …and the new id is remembered as well.
        #expect(await dedupe.begin(envelopeID: "e2", commandIdentity: nil) == .duplicate(reply))
    }

    @Test func differentCommandsAreNotDuplicates() async {
        let dedupe = DeliveryDeduplicator(envelopeWindow: .seconds(60), commandWindow: .seconds(60), capacity: 100)
        guard case .first = await dedupe.begin(envelopeID: "e1", commandIdentity: "a") else { Issue.record("e1"); return }
        guard case .first = await dedupe.begin(envelopeID: "e2", commandIdentity: "b") else { Issue.record("e2"); return }
    }

    @Test func aDuplicateWhileTheFirstIsInFlightWaitsForItsReply() async {
        let dedupe = DeliveryDeduplicator(envelopeWindow: .seconds(60), commandWindow: .seconds(60), capacity: 100)
        guard case .first(let slot) = await dedupe.begin(envelopeID: "e1", commandIdentity: "x") else { return }
        async let second = dedupe.begin(envelopeID: "e1", commandIdentity: "x")
        // The duplicate can only resolve once the first finishes, with its reply.
        await dedupe.finish(slot, reply: reply)
        #expect(await second == .duplicate(reply))
    }

    @Test func windowsExpire() async {
        let dedupe = DeliveryDeduplicator(envelopeWindow: .seconds(60), commandWindow: .seconds(10), capacity: 100)
        let start = ContinuousClock.now
        guard case .first(let slot) = await dedupe.begin(envelopeID: "e1", commandIdentity: "x", now: start) else { return }
        await dedupe.finish(slot, reply: reply)
        // Same command, new envelope, after the command window: a person repeating it, handled anew.
        guard case .first = await dedupe.begin(envelopeID: "e2", commandIdentity: "x", now: start + .seconds(11)) else {
            Issue.record("a repeat after the command window was treated as a retry")
            return
        }
        // The first envelope id is still remembered within its window…
        #expect(await dedupe.begin(envelopeID: "e1", commandIdentity: nil, now: start + .seconds(30)) == .duplicate(reply))
        // …and forgotten after it.
        guard case .first = await dedupe.begin(envelopeID: "e1", commandIdentity: nil, now: start + .seconds(61)) else {
            Issue.record("an envelope id was remembered past its window")
            return
        }
    }

    @Test func memoryIsBounded() async {
        let dedupe = DeliveryDeduplicator(envelopeWindow: .seconds(3600), commandWindow: .seconds(3600), capacity: 50)
        for index in 0..<500 {
            if case .first(let slot) = await dedupe.begin(envelopeID: "e\(index)", commandIdentity: "c\(index)") {
                await dedupe.finish(slot, reply: nil)
            }
        }
        #expect(await dedupe.rememberedKeys <= 50)
    }
}
