import Foundation
import StewardCore
import Testing

/// A bastion up where desired state wants none says what it costs a day, from the price table;
/// an unknown type says the cost is unknown, never $0.
@Suite struct DriftCostTests {
    typealias F = DriftFixture

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var instanceType: String?
        var overrides: [String: Double] = [:]
        var perDay: Double?
        var phrase: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a listed type is priced a day", instanceType: "t3.micro", perDay: 0.2496,
             phrase: "running costs about $0.25/day (t3.micro)"),
        Case(name: "t4g.medium is listed", instanceType: "t4g.medium", perDay: 0.8064, phrase: "running costs about $0.81/day (t4g.medium)"),
        Case(name: "steward.yaml's price wins", instanceType: "t3.micro", overrides: ["t3.micro": 0.5], perDay: 12,
             phrase: "running costs about $12.00/day (t3.micro)"),
        Case(name: "a type the table lacks is unknown, not the default price", instanceType: "x2iedn.32xlarge", perDay: nil,
             phrase: "its cost per day is unknown (no price for x2iedn.32xlarge in the price table; add it under tiers.prices.instance_hour in steward.yaml)"),
        Case(name: "a configured type is priced", instanceType: "x2iedn.32xlarge", overrides: ["x2iedn.32xlarge": 26.676], perDay: 640.224,
             phrase: "running costs about $640.22/day (x2iedn.32xlarge)"),
        Case(name: "no type reported is unknown", instanceType: nil, perDay: nil, phrase: "its cost per day is unknown (EC2 reported no instance type)"),
    ]

    @Test(arguments: cases) func instanceCost(_ c: Case) throws {
        var prices = PriceTable()
        prices.instanceHour.merge(c.overrides) { $1 }
        let cost = DriftCost.instance(c.instanceType, prices: prices)
        if let expected = c.perDay {
            let perDay = try #require(cost.perDay)
            #expect(abs(perDay - expected) < 1e-9)
        } else {
            #expect(cost.perDay == nil, "unknown is nil, never 0")
        }
        #expect(cost.phrase == c.phrase)
    }

    static func observation(_ terminations: [BastionTermination]) -> DriftObservation {
        var report = ReconcileReport(startedAt: F.t0)
        report.environments = [F.dev]
        report.bastionPlans = [BastionPlan(environment: F.dev, terminate: terminations)]
        return DriftObservation(report: report)
    }

    @Test func leaseLessBastionCarriesItsDailyCost() throws {
        let items = Self.observation([
            BastionTermination(instanceID: "i-1", state: .running, reason: .noLease, instanceType: "t3.small"),
            BastionTermination(instanceID: "i-2", state: .running, reason: .leaseExpired, instanceType: "p5.48xlarge"),
            BastionTermination(instanceID: "i-3", state: .stopped, reason: .stopped, instanceType: "t3.small"),
        ]).items
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.resource.id, $0) })
        #expect(byID["i-1"]?.severity == .high)
        #expect(byID["i-1"]?.cost == DriftCost(perDay: 0.0208 * 24, instanceType: "t3.small"))
        #expect(byID["i-1"]?.message.hasSuffix("; running costs about $0.50/day (t3.small)") == true, "\(byID["i-1"]?.message ?? "")")
        #expect(byID["i-2"]?.cost == DriftCost(perDay: nil, instanceType: "p5.48xlarge"))
        #expect(byID["i-2"]?.message.contains("its cost per day is unknown (no price for p5.48xlarge") == true)
        #expect(byID["i-3"]?.severity == .low)
        #expect(byID["i-3"]?.cost == nil, "a stopped bastion is not priced as running")
    }

    @Test func handMadeBastionCarriesItsDailyCost() {
        let up = ObservedBastion(instanceID: "i-9", state: .running, instanceType: "t4g.nano")
        let plan = BastionPlanner(ownerID: "steward").plan(desired: DesiredState(environment: F.dev), observed: [up], launchTemplate: "dev-bastion", now: F.t0)
        #expect(plan.drift.first?.cost == DriftCost(perDay: 0.0042 * 24, instanceType: "t4g.nano"))
        #expect(plan.drift.first?.message.hasSuffix("; running costs about $0.10/day (t4g.nano)") == true)

        var prices = PriceTable()
        prices.instanceHour["t4g.nano"] = 1
        let configured = BastionPlanner(ownerID: "steward", prices: prices)
            .plan(desired: DesiredState(environment: F.dev), observed: [up], launchTemplate: "dev-bastion", now: F.t0)
        #expect(configured.drift.first?.cost?.perDay == 24, "the planner prices with the configured table")

        let other = ObservedBastion(instanceID: "i-8", state: .running, ownerTag: "ops", instanceType: "t4g.nano")
        let others = BastionPlanner(ownerID: "steward").plan(desired: DesiredState(environment: F.dev), observed: [other], launchTemplate: "dev-bastion", now: F.t0)
        #expect(others.drift.first?.cost == nil, "another owner's bastion is low and not priced")
    }

    /// The JSON a script reads: `cost.per_day_usd` a number, or null when unknown (never 0, never missing).
    @Test func costIsInTheReportJSONAndNullWhenUnknown() throws {
        let observation = Self.observation([
            BastionTermination(instanceID: "i-1", state: .running, reason: .noLease, instanceType: "t3.micro"),
            BastionTermination(instanceID: "i-2", state: .pending, reason: .noLease, instanceType: "z9.huge"),
        ])
        var history = DriftHistory()
        let report = DriftReport.make(observation: observation, history: &history, desiredState: "d", now: F.t0)
        let json = try DriftReportJSON.render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: findings.map { (($0["resource"] as? [String: Any])?["id"] as? String ?? "", $0) })
        let known = try #require(byID["i-1"]?["cost"] as? [String: Any])
        #expect((known["per_day_usd"] as? Double).map { abs($0 - 0.2496) < 1e-9 } == true, "\(known)")
        #expect(known["instance_type"] as? String == "t3.micro")
        let unknown = try #require(byID["i-2"]?["cost"] as? [String: Any])
        #expect(unknown["per_day_usd"] is NSNull, "unknown is an explicit null: \(unknown)")
        #expect(unknown["instance_type"] as? String == "z9.huge")
        #expect(try DriftReportJSON.decode(json) == report, "the cost round-trips")
    }
}
