import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport
import Testing

/// A tier set in the DynamoDB environments table (as Slack or the CLI set it, here written by
/// the aws CLI) overrides the reviewed YAML tier: the plan says so, with who set it and when,
/// and the reconcile stops the ECS services and the databases as a YAML `tier: stopped` would.
@Suite(.serialized) struct DynamoDBTierOverrideTests {
    static let whitelistTable = "docustack-ip-whitelist"
    static let environmentsTable = "steward-environments"

    @Test(.timeLimit(.minutes(8)))
    func aTierOverrideInTheEnvironmentsTableStopsTheEnvironmentAndThePlanSaysWhoSetIt() async throws {
        try await TierWorld.with { world in
            try await world.moto.createWhitelistTable(Self.whitelistTable)
            try await world.moto.createEnvironmentsTable(Self.environmentsTable)
            try world.writeDesired(tier: .running)
            let store = LayeredDesiredStateStore(
                yaml: YAMLDirectoryStore(directory: world.desiredStateDirectory, policy: world.configuration.policy),
                dynamoDB: DynamoDBDesiredStateStore(
                    settings: DynamoDBDesiredStateSettings(whitelistTable: Self.whitelistTable, environmentsTable: Self.environmentsTable),
                    client: world.aws))
            let reconciler = Reconciler(store: store, aws: world.aws, configuration: world.configuration, audit: nil, stages: .tiers)
            let running = await reconciler.reconcile()
            #expect(running.failedActions.isEmpty, "\(running.failedActions)")
            #expect(running.overrides.isEmpty, "nothing is overridden yet")
            #expect(!ReconcileReportTextRenderer.plan(running).contains("Overrides"))

            let setAt = Int(Date().timeIntervalSince1970) - 30
            _ = try await world.moto.aws([
                "dynamodb", "put-item", "--table-name", Self.environmentsTable, "--item",
                #"{"environment":{"S":"dev"},"tier":{"S":"stopped"},"updated_by":{"S":"U0ONCALL"},"updated_at":{"N":"\#(setAt)"},"version":{"N":"1"}}"#,
            ])

            let plan = await reconciler.reconcile(ReconcileOptions(dryRun: true))
            let override = try #require(plan.overrides[try EnvironmentName("dev")])
            #expect(override.contains("tier stopped overrides the reviewed running, set by U0ONCALL at \(Timestamp.text(Date(timeIntervalSince1970: Double(setAt))))"), "\(override)")
            #expect(override.contains("steward-environments[environment=dev]"), "names the item: \(override)")
            let text = ReconcileReportTextRenderer.plan(plan)
            #expect(text.contains("Overrides (set outside git review):\n  dev: tier stopped overrides the reviewed running"), "\(text)")
            let json = try JSONSerialization.jsonObject(with: Data(try PlanJSONRenderer.render(plan).utf8)) as? [String: Any]
            #expect((json?["overrides"] as? [String: String])?["dev"] == override)
            #expect(try await world.estate().services == ["api": 3, "worker": 1, "legacy": 2], "a plan changes nothing")

            let stop = await reconciler.reconcile()
            #expect(stop.failedActions.isEmpty, "\(stop.failedActions)")
            let estate = try await world.estate()
            #expect(estate.services == ["api": 0, "worker": 0, "legacy": 2], "owned services scaled to zero, the unowned one left alone")
            #expect(estate.databases["dev-db"] == "stopped")
            #expect(estate.clusters["dev-aurora"] == "stopped")
            #expect(estate.instances[world.seeded.ownedInstance] == "stopped")
            #expect(estate.instances[world.seeded.unownedInstance] == "running")
        }
    }
}
