import Foundation
import StewardCore
import Testing
@testable import StewardStore

/// `ha:` — the leader lease's table, name and durations, strictly, with the order the lease's
/// safety needs checked where the durations are written.
@Suite struct HAConfigurationTests {
    func load(_ text: String) throws(ConfigurationError) -> StewardConfiguration {
        try ConfigurationLoader().decode(Array(text.utf8), path: "steward.yaml")
    }

    @Test func withoutHAOneReplicaRunsAsBefore() throws {
        #expect(try load("owner_id: steward\n").ha == nil)
    }

    @Test func theTableAloneTakesTheDefaults() throws {
        let ha = try #require(try load("ha:\n  lease_table: steward-leases\n").ha)
        #expect(ha == HASettings(leaseTable: "steward-leases"))
        #expect(ha.leaseName == "default")
        #expect(ha.timing == LeaseTiming(leaseDuration: .seconds(30), renewEvery: .seconds(5), renewDeadline: .seconds(20)))
    }

    @Test func everyKeyIsRead() throws {
        let ha = try #require(try load("""
            ha:
              lease_table: steward-leases
              lease_name: blue
              lease_duration: 3s
              renew_every: 500ms
              renew_deadline: 2s

            """).ha)
        #expect(ha == HASettings(leaseTable: "steward-leases", leaseName: "blue",
                                 timing: LeaseTiming(leaseDuration: .seconds(3), renewEvery: .milliseconds(500), renewDeadline: .seconds(2))))
    }

    @Test(arguments: [
        ("ha:\n  lease_name: x\n", "2:3", "missing the required key 'lease_table'"),
        ("ha:\n  lease_table: steward-leases\n  lease_tabel: x\n", "3:3", "unknown key 'lease_tabel'"),
        ("ha:\n  lease_table: a b\n", "2:16", "a DynamoDB table name"),
        ("ha:\n  lease_table: leases-{env}\n", "2:16", "can't contain {env}"),
        ("ha:\n  lease_table: steward-leases\n  lease_name: ''\n", "3:15", "'lease_name' must be 1–255 characters"),
        ("ha:\n  lease_table: steward-leases\n  lease_duration: soon\n", "3:19", "'lease_duration'"),
        ("ha:\n  lease_table: steward-leases\n  renew_every: 20s\n", "3:16", "renew_every (20s) must be shorter than renew_deadline (20s)"),
        ("ha:\n  lease_table: steward-leases\n  renew_deadline: 30s\n", "3:19", "renew_deadline (30s) must be shorter than lease_duration (30s)"),
        ("ha:\n  lease_table: steward-leases\n  lease_duration: 10s\n", "3:19", "renew_deadline (20s) must be shorter than lease_duration (10s)"),
    ])
    func refusesWithLocation(_ text: String, _ location: String, _ fragment: String) {
        expectConfigurationRefusal(text, at: location, fragment, load: load)
    }
}
