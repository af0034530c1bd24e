import Foundation
import StewardCore

/// Small builders for tier worlds.
enum TierFixture {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let env = try! EnvironmentName("dev")
    static let owned = [StewardTag.owner: "steward", "Environment": "dev"]

    static func desired(_ tier: Tier, protected: Bool = false, allowTeardownUntil: Date? = nil) -> DesiredState {
        DesiredState(environment: env, tier: tier, isProtected: protected, allowTeardownUntil: allowTeardownUntil)
    }

    static func service(_ name: String, count: Int, running: Int? = nil, target: ScalableCapacity? = nil,
                        tags extra: [String: String] = [:], owned isOwned: Bool = true) -> ObservedService {
        var tags = isOwned ? owned : ["Environment": "dev"]
        tags.merge(extra) { $1 }
        return ObservedService(cluster: "dev", name: name, arn: "arn:aws:ecs:us-east-1:123456789012:service/dev/\(name)",
                               desiredCount: count, runningCount: running ?? count, tags: tags, scalableTarget: target)
    }

    static func scaledDown(_ name: String, saved: SavedServiceState, count: Int = 0, target: ScalableCapacity? = nil) -> ObservedService {
        service(name, count: count, target: target, tags: saved.tags)
    }

    static func database(_ id: String, _ status: String, kind: DatabaseKind = .instance, members: [DatabaseMember] = [],
                         deletionProtection: Bool = false, readReplica: Bool = false, tags extra: [String: String] = [:],
                         owned isOwned: Bool = true) -> ObservedDatabase {
        var tags = isOwned ? owned : ["Environment": "dev"]
        tags.merge(extra) { $1 }
        let settings = DatabaseSettings(identifier: id, kind: kind, engine: kind == .cluster ? "aurora-postgresql" : "postgres",
                                        engineVersion: "15.4", instanceClass: kind == .instance ? "db.t3.micro" : nil, port: 5432,
                                        subnetGroup: "dev-db", securityGroups: ["sg-1"], parameterGroup: "pg15", members: members)
        return ObservedDatabase(settings: settings, arn: "arn:aws:rds:us-east-1:123456789012:db:\(id)", status: status,
                                deletionProtection: deletionProtection, isReadReplica: readReplica, tags: tags)
    }

    static func snapshot(of database: ObservedDatabase, _ id: String, status: String = "available", consumed: Bool = false,
                         createdAt: Date = now.addingTimeInterval(-60)) -> ObservedSnapshot {
        var tags = database.settings.snapshotTags.merging(owned) { $1 }
        if consumed { tags[StewardTag.restoredAt] = "2026-01-01T00:00:00Z" }
        return ObservedSnapshot(identifier: id, arn: "arn:aws:rds:us-east-1:123456789012:snapshot:\(id)", status: status,
                                createdAt: createdAt, settings: database.settings, tags: tags)
    }

    static func instance(_ id: String, _ state: String, owned isOwned: Bool = true) -> ObservedInstance {
        ObservedInstance(id: id, state: state, instanceType: "t3.micro", tags: isOwned ? owned : ["Environment": "dev"])
    }

    static func world(services: [ObservedService] = [], databases: [ObservedDatabase] = [], snapshots: [ObservedSnapshot] = [],
                      instances: [ObservedInstance] = []) -> ObservedTierResources {
        ObservedTierResources(environment: env, services: services, databases: databases, snapshots: snapshots, instances: instances)
    }

    /// One line per step: `kind resource summary`.
    static func lines(_ plan: TierPlan) -> [String] {
        plan.steps.map { "\($0.action.kind.rawValue) \($0.action.resource.name) \($0.action.summary)" }
    }
}
