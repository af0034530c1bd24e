import StewardCore
import Testing

/// The lease's rules, one situation at a time, on the test durations (lease 3 s, renew every
/// 0.5 s, deadline 2 s). Instants are milliseconds of the replica's own monotonic clock.
@Suite struct LeaseElectorTests {
    static let timing = LeaseTiming(leaseDuration: .seconds(3), renewEvery: .milliseconds(500), renewDeadline: .seconds(2))

    static func ms(_ value: Int) -> Duration { .milliseconds(value) }

    static func elector(_ identity: String = "a") -> LeaseElector { LeaseElector(identity: identity, timing: timing) }

    static let other = LeaseRecord(holder: "b", epoch: 4, revision: "b/7")

    @Test func anAbsentItemIsAcquiredAtEpochOneAndRenewedFromItsSendTime() throws {
        var a = Self.elector()
        #expect(a.nextStep(at: .zero) == .read)
        a.read(nil, at: Self.ms(10))
        guard case .acquire(let proposal, let expecting) = a.nextStep(at: Self.ms(10)) else { Issue.record("no acquire"); return }
        #expect(expecting == nil)
        #expect(proposal.holder == "a" && proposal.epoch == 1)
        a.sending(proposal, at: Self.ms(10))
        // The answer comes 300 ms later; the lease still counts from the send.
        a.wrote(proposal, sentAt: Self.ms(10), at: Self.ms(310))
        #expect(a.role == .leader)
        #expect(a.writeDeadline == Self.ms(2010))
        #expect(a.room(at: Self.ms(1010)) == .seconds(1))
        #expect(a.nextStep(at: Self.ms(400)) == .wait(until: Self.ms(510)))
        guard case .renew(let renewal, let held) = a.nextStep(at: Self.ms(510)) else { Issue.record("no renewal"); return }
        #expect(held == proposal)
        #expect(renewal.epoch == 1 && renewal.holder == "a" && renewal.revision != proposal.revision)
    }

    @Test func withoutARenewalTheLeaderStepsDownAtItsDeadline() {
        var a = Self.elector()
        a.read(nil, at: .zero)
        let proposal = LeaseRecord(holder: "a", epoch: 1, revision: "a/1")
        a.wrote(proposal, sentAt: .zero, at: Self.ms(5))
        a.failed(at: Self.ms(600))
        #expect(a.nextStep(at: Self.ms(1999)) != .stepDown)
        #expect(a.room(at: Self.ms(1999)) == Self.ms(1))
        #expect(a.nextStep(at: Self.ms(2000)) == .stepDown)
        #expect(a.room(at: Self.ms(2000)) == .zero)
        a.stepDown(at: Self.ms(2000))
        #expect(a.role == .standby && a.writeDeadline == nil)
        #expect(a.transitions == 2)
    }

    @Test func aStandbyWaitsAWholeLeaseDurationOfItsOwnClockFromTheAnswer() {
        var a = Self.elector()
        a.read(Self.other, at: Self.ms(100))
        #expect(a.nextStep(at: Self.ms(200)) == .wait(until: Self.ms(600)))
        #expect(a.nextStep(at: Self.ms(600)) == .read)
        // The same revision again: the wait keeps counting from the first answer that showed it.
        a.read(Self.other, at: Self.ms(650))
        #expect(a.nextStep(at: Self.ms(3099)) == .read, "not yet: 3 s after the answer at 100 ms is 3100 ms")
        guard case .acquire(let proposal, let expecting) = a.nextStep(at: Self.ms(3100)) else { Issue.record("no takeover"); return }
        #expect(expecting == Self.other)
        #expect(proposal.epoch == 5 && proposal.holder == "a")
    }

    @Test func aChangedRevisionRestartsTheWait() {
        var a = Self.elector()
        a.read(Self.other, at: .zero)
        var renewed = Self.other
        renewed.revision = "b/8"
        a.read(renewed, at: Self.ms(2900))
        #expect(a.nextStep(at: Self.ms(3000)) == .wait(until: Self.ms(3400)))
        a.read(renewed, at: Self.ms(5800))
        guard case .acquire = a.nextStep(at: Self.ms(5900)) else { Issue.record("no takeover after the new revision aged"); return }
    }

    @Test func aReleasedLeaseIsTakenAtOnceWithTheNextEpoch() {
        var a = Self.elector()
        a.read(LeaseRecord(holder: nil, epoch: 9, revision: "b/12"), at: Self.ms(10))
        guard case .acquire(let proposal, _) = a.nextStep(at: Self.ms(10)) else { Issue.record("no acquire"); return }
        #expect(proposal.epoch == 10)
    }

    @Test func aLostAnswerIsAdoptedWhenTheReadShowsOurWrite() {
        var a = Self.elector()
        a.read(nil, at: .zero)
        guard case .acquire(let proposal, _) = a.nextStep(at: .zero) else { Issue.record("no acquire"); return }
        a.sending(proposal, at: Self.ms(20))
        a.failed(at: Self.ms(1000))
        #expect(a.role == .standby)
        a.read(proposal, at: Self.ms(1200))
        #expect(a.role == .leader)
        #expect(a.writeDeadline == Self.ms(2020), "timed from the send of the write that landed")
    }

    @Test func aConflictOnRenewalLosesTheLease() {
        var a = Self.elector()
        a.read(nil, at: .zero)
        a.wrote(LeaseRecord(holder: "a", epoch: 1, revision: "a/1"), sentAt: .zero, at: .zero)
        a.conflicted(at: Self.ms(500))
        #expect(a.role == .standby && a.room(at: Self.ms(500)) == .zero)
        #expect(a.nextStep(at: Self.ms(500)) == .read)
    }

    @Test func aReleaseKeepsTheEpochAndClearsTheHolder() throws {
        var a = Self.elector()
        a.read(nil, at: .zero)
        a.wrote(LeaseRecord(holder: "a", epoch: 3, revision: "a/1"), sentAt: .zero, at: .zero)
        let proposed = a.releaseProposal()
        let release = try #require(proposed)
        #expect(release.holder == nil && release.epoch == 3 && release.revision != "a/1")
    }

    @Test(arguments: [
        (3000, 500, 2000, nil as String?),
        (3000, 2000, 2000, "renew_every (2s) must be shorter than renew_deadline (2s)"),
        (3000, 500, 3000, "renew_deadline (3s) must be shorter than lease_duration (3s)"),
        (30000, 5000, 20000, nil),
    ])
    func theDurationsMustBeOrdered(lease: Int, renew: Int, deadline: Int, problem: String?) {
        let timing = LeaseTiming(leaseDuration: .milliseconds(lease), renewEvery: .milliseconds(renew), renewDeadline: .milliseconds(deadline))
        if let problem {
            #expect(timing.problem?.hasPrefix(problem) == true, "\(timing.problem ?? "nil")")
        } else {
            #expect(timing.problem == nil)
        }
    }

    @Test(arguments: [("500ms", 500), ("2s", 2000), ("1.5s", 1500), ("1m", 60000), ("1m30s", 90000)])
    func durationsParse(text: String, milliseconds: Int) throws {
        #expect(try LeaseTiming.parse(text) == .milliseconds(milliseconds))
    }
}
