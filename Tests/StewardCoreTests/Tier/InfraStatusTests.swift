import Foundation
import StewardCore
import Testing

@Suite struct InfraStatusTests {
    typealias F = TierFixture

    @Test func showsWantedVersusActualTheNextActionsAndTheMonthlyCostOfWhatRuns() {
        var prices = PriceTable()
        prices.fargateTaskHour = 0.01
        prices.databaseHour = ["db.t3.micro": 0.02, "db.r6g.large": 0.5]
        prices.instanceHour = ["t3.micro": 0.01]
        let aurora = F.database("dev-aurora", "available", kind: .cluster, members: [DatabaseMember(identifier: "m1", instanceClass: "db.r6g.large")])
        let world = F.world(services: [F.service("api", count: 2)], databases: [F.database("dev-db", "stopped"), aurora],
                            instances: [F.instance("i-1", "running")])
        let desired = F.desired(.stopped)
        let plan = TierPlanner(ownerID: "steward").plan(desired: desired, observed: world, now: F.now)
        let status = InfraStatus(desired: desired, observed: world, plan: plan, prices: prices)

        // 2 tasks × 0.01 + Aurora member 0.5 + instance 0.01 per hour; the stopped database costs nothing.
        #expect(abs(status.monthlyCost - (0.02 + 0.5 + 0.01) * 730) < 0.001)
        let text = status.text
        #expect(text.contains("ecs:dev/api: 2/2 tasks; wanted stopped; ~$14.60/month"))
        #expect(text.contains("rds:dev-db: stopped; wanted stopped"))
        #expect(!text.contains("rds:dev-db: stopped; wanted stopped; ~"))
        #expect(text.contains("aurora:dev-aurora: available; wanted stopped; ~$365.00/month"))
        #expect(text.contains("next reconcile:\n  ~ ecs:dev/api  save desired count 2 in tags"))
        #expect(text.contains("estimated cost of what runs now: ~$386.90/month"))
    }

    @Test func aTornDownDatabaseShowsItsSnapshotAndWhatRunningWouldDo() {
        let db = F.database("dev-db", "available")
        let world = F.world(snapshots: [F.snapshot(of: db, "steward-dev-db-1")])
        let desired = F.desired(.running)
        let plan = TierPlanner(ownerID: "steward").plan(desired: desired, observed: world, now: F.now)
        let text = InfraStatus(desired: desired, observed: world, plan: plan, prices: PriceTable()).text
        #expect(text.contains("rds:dev-db: deleted; final snapshot steward-dev-db-1 available; wanted running (restored from the snapshot)"))
        #expect(text.contains("+ rds:dev-db  restore from steward-dev-db-1"))
    }
}
