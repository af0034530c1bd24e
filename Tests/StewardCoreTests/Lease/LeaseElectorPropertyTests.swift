import PropertyBased
import StewardCore
import Testing

/// Replicas electing over a simulated table with DynamoDB's conditional writes, on clocks with
/// different origins, through requests that are delayed, land without an answer or never land,
/// while replicas are paused at random (SIGSTOP, a GC pause, a stuck host). Whatever happens,
/// at no instant do two replicas have room to write, and epochs only grow.
@Suite struct LeaseElectorPropertyTests {
    static let timing = LeaseTiming(leaseDuration: .seconds(3), renewEvery: .milliseconds(500), renewDeadline: .seconds(2))

    /// SplitMix64: the scenario follows from one seed, so a failure is reproducible from it.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { below(1000) < percent * 10 }
    }

    struct Request {
        var step: LeaseStep
        var sentLocal: Duration
        var applyAt: Duration
        var answerAt: Duration
        var lands: Bool
        var answered: Bool
        var applied = false
        var succeeded = false
        var seen: LeaseRecord?
    }

    struct Outcome: Sendable {
        var overlaps: [String] = []
        var epochWentBack = false
        var leaderships = 0
    }

    /// Runs one world for 60 simulated seconds in 10 ms ticks.
    static func simulate(seed: Int, replicas: Int, lossPercent: Int, pausePermille: Int) -> Outcome {
        var random = Random(state: UInt64(bitPattern: Int64(seed)))
        var electors = (0..<replicas).map { LeaseElector(identity: "r\($0)", timing: timing) }
        // Each replica's monotonic clock has its own origin (up to an hour apart).
        let offsets = (0..<replicas).map { _ in Duration.milliseconds(random.below(3_600_000)) }
        var inFlight = [Request?](repeating: nil, count: replicas)
        var pausedUntil = [Duration](repeating: .zero, count: replicas)
        var table: LeaseRecord?
        var outcome = Outcome()
        var wasLeading = [Bool](repeating: false, count: replicas)
        let tick = Duration.milliseconds(10)
        var now = Duration.zero
        while now < .seconds(60) {
            // The server applies what has arrived, conditions checked at that moment.
            for index in 0..<replicas {
                guard var request = inFlight[index], !request.applied, request.lands, now >= request.applyAt else { continue }
                request.applied = true
                switch request.step {
                case .read:
                    request.seen = table
                case .acquire(let proposal, let expecting):
                    if table?.revision == expecting?.revision {
                        if let old = table, proposal.epoch <= old.epoch { outcome.epochWentBack = true }
                        table = proposal
                        request.succeeded = true
                    }
                case .renew(let proposal, let expecting):
                    if let current = table, current.holder == expecting.holder, current.epoch == expecting.epoch {
                        table = proposal
                        request.succeeded = true
                    }
                default:
                    break
                }
                inFlight[index] = request
            }
            for index in 0..<replicas {
                let local = now + offsets[index]
                if now < pausedUntil[index] { continue }
                if pausePermille > 0, random.below(1000 * 100) < pausePermille {
                    // Up to two lease durations stopped.
                    pausedUntil[index] = now + .milliseconds(random.below(6000))
                    continue
                }
                if let request = inFlight[index] {
                    guard now >= request.answerAt else { continue }
                    inFlight[index] = nil
                    if !request.answered || !request.lands {
                        electors[index].failed(at: local)
                        continue
                    }
                    switch request.step {
                    case .read:
                        electors[index].read(request.seen, at: local)
                    case .acquire(let proposal, _), .renew(let proposal, _):
                        if request.succeeded { electors[index].wrote(proposal, sentAt: request.sentLocal, at: local) } else { electors[index].conflicted(at: local) }
                    default:
                        break
                    }
                    continue
                }
                let step = electors[index].nextStep(at: local)
                switch step {
                case .wait:
                    break
                case .stepDown:
                    electors[index].stepDown(at: local)
                case .read, .acquire, .renew:
                    if case .acquire(let proposal, _) = step { electors[index].sending(proposal, at: local) }
                    if case .renew(let proposal, _) = step { electors[index].sending(proposal, at: local) }
                    let apply = now + .milliseconds(random.below(300))
                    inFlight[index] = Request(
                        step: step, sentLocal: local, applyAt: apply, answerAt: apply + .milliseconds(random.below(300)),
                        lands: !random.chance(lossPercent / 2 + (lossPercent > 0 ? 1 : 0)), answered: !random.chance(lossPercent))
                }
            }
            let open = (0..<replicas).filter { electors[$0].room(at: now + offsets[$0]) > .zero }
            if open.count > 1 { outcome.overlaps.append("at \(now): \(open.map { "r\($0)" }) both have room") }
            for index in 0..<replicas {
                let leading = open.contains(index)
                if leading, !wasLeading[index] { outcome.leaderships += 1 }
                wasLeading[index] = leading
            }
            now += tick
        }
        return outcome
    }

    @Test func neverTwoReplicasWithRoomToWrite() async {
        let worlds = zip(Gen.int(in: 0...Int.max), Gen.int(in: 2...4), Gen.int(in: 0...30), Gen.int(in: 0...40))
        await propertyCheck(count: 60, input: worlds) { seed, replicas, loss, pauses in
            let outcome = Self.simulate(seed: seed, replicas: replicas, lossPercent: loss, pausePermille: pauses)
            #expect(outcome.overlaps.isEmpty, "seed \(seed), \(replicas) replicas, \(loss)% lost, pauses \(pauses): \(outcome.overlaps.prefix(3))")
            #expect(!outcome.epochWentBack)
        }
    }

    @Test func aQuietWorldElectsOneLeaderAndKeepsIt() {
        for seed in 1...20 {
            let outcome = Self.simulate(seed: seed, replicas: 3, lossPercent: 0, pausePermille: 0)
            #expect(outcome.overlaps.isEmpty)
            #expect(outcome.leaderships == 1, "seed \(seed): \(outcome.leaderships) leaderships in a world without loss or pauses")
        }
    }
}
