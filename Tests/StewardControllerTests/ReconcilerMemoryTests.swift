import Foundation
import StewardController
import StewardCore
import Testing

/// What the reconciler remembers between passes — the last good reads, the warnings said,
/// the recheck backoff — as a value, tested without AWS.
@Suite struct ReconcilerMemoryTests {
    let dev = try! EnvironmentName("dev")
    let qa = try! EnvironmentName("qa")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func state(_ environment: EnvironmentName, tier: Tier = .running) -> DesiredState {
        DesiredState(environment: environment, tier: tier)
    }

    @Test func aFileThatBreaksIsPlannedFromItsLastGoodReadAndRefused() {
        var memory = ReconcilerMemory()
        let first = memory.targets(from: DesiredStateSnapshot(environments: [dev: state(dev), qa: state(qa)]), selecting: nil)
        #expect(first.targets.map(\.environment) == [dev, qa])
        #expect(first.targets.allSatisfy { !$0.isUnreadable } && first.refusals.isEmpty)

        let broken = memory.targets(from: DesiredStateSnapshot(environments: [qa: state(qa, tier: .stopped)], failures: [dev: []]), selecting: nil)
        #expect(broken.targets.map(\.environment) == [dev, qa])
        #expect(broken.targets.first { $0.environment == dev }?.isUnreadable == true)
        #expect(broken.targets.first { $0.environment == dev }?.desired == state(dev), "the last good read, not a guess")
        #expect(broken.targets.first { $0.environment == qa }?.desired.tier == .stopped, "readable files are read afresh")
        #expect(broken.refusals.map(\.guardName) == [.unreadableDesiredState])
        #expect(broken.refusals.first?.message.contains("only entries known to have expired are revoked") == true)
    }

    @Test func aFileNeverReadIsRefusedAndNotPlanned() {
        var memory = ReconcilerMemory()
        let result = memory.targets(from: DesiredStateSnapshot(failures: [dev: []]), selecting: nil)
        #expect(result.targets.isEmpty)
        #expect(result.refusals.first?.message.contains("never read successfully") == true)
    }

    @Test func aStoreThatCantBeReadMakesEveryKnownEnvironmentUnreadable() {
        var memory = ReconcilerMemory()
        _ = memory.targets(from: DesiredStateSnapshot(environments: [dev: state(dev), qa: state(qa)]), selecting: nil)
        let gone = memory.targets(from: nil, selecting: nil)
        #expect(gone.targets.map(\.environment) == [dev, qa])
        #expect(gone.targets.allSatisfy { $0.isUnreadable })
        #expect(gone.refusals.count == 2)
    }

    @Test func aSelectionNarrowsTargetsAndRefusals() {
        var memory = ReconcilerMemory()
        let result = memory.targets(from: DesiredStateSnapshot(environments: [dev: state(dev)], failures: [qa: []]), selecting: [dev])
        #expect(result.targets.map(\.environment) == [dev])
        #expect(result.refusals.isEmpty)
    }

    @Test func aTierWarningIsSaidOnceAndAgainAfterItWentAway() {
        var memory = ReconcilerMemory()
        let warned = TierPlan(environment: dev, tier: .stopped, notes: [TierNote(.warning, resource: "rds:dev-replica", "can't stop")])
        let quiet = TierPlan(environment: dev, tier: .stopped)
        #expect(memory.newWarnings(in: [dev: warned], covering: [dev]) == ["dev: rds:dev-replica can't stop"])
        #expect(memory.newWarnings(in: [dev: warned], covering: [dev]).isEmpty, "said once")
        #expect(memory.newWarnings(in: [:], covering: [qa]).isEmpty)
        #expect(memory.newWarnings(in: [dev: warned], covering: [dev, qa]).isEmpty, "a pass that didn't cover dev forgets nothing of it")
        #expect(memory.newWarnings(in: [dev: quiet], covering: [dev]).isEmpty)
        #expect(memory.newWarnings(in: [dev: warned], covering: [dev]) == ["dev: rds:dev-replica can't stop"], "back again: said again")
    }

    @Test func aWaitingTierBacksOffAndABastionSettlesSoon() {
        var memory = ReconcilerMemory()
        var delays: [Double] = []
        for _ in 0..<8 {
            let at = memory.recheck(tiersWaiting: [dev], bastionWaiting: false, covering: [dev], now: now)
            delays.append(at.map { $0.timeIntervalSince(now) } ?? -1)
        }
        #expect(delays == [2, 4, 8, 16, 32, 60, 60, 60])
        #expect(memory.recheck(tiersWaiting: [], bastionWaiting: false, covering: [dev], now: now) == nil)
        #expect(memory.waitStreak[dev] == nil, "done waiting: the streak starts over")
        #expect(memory.recheck(tiersWaiting: [dev], bastionWaiting: false, covering: [dev], now: now) == now.addingTimeInterval(2))
        #expect(memory.recheck(tiersWaiting: [dev], bastionWaiting: true, covering: [dev], now: now) == now.addingTimeInterval(2),
                "the soonest recheck wins")
        #expect(memory.recheck(tiersWaiting: [], bastionWaiting: true, covering: [dev], now: now) == now.addingTimeInterval(2))
    }

    @Test(arguments: [(1, 2.0), (2, 4.0), (5, 32.0), (6, 60.0), (40, 60.0)])
    func theTierRecheckDoublesUpToAMinute(_ streak: Int, _ seconds: Double) {
        #expect(RecheckBackoff().tierDelay(streak: streak) == seconds)
    }
}
