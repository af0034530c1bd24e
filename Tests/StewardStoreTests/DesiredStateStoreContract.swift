import Foundation
import StewardCore
import Testing
@testable import StewardStore

/// What every `DesiredStateStore` promises, checked the same way against each: the store
/// must hold environment `dev`, tier running, with 203.0.113.10/32 and nothing else.
struct DesiredStateStoreContract {
    let store: any DesiredStateStore
    /// Whether the store keeps delivery ids (DynamoDB, memory); the YAML directory does not.
    let remembersDeliveries: Bool
    let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    let dev = try! EnvironmentName("dev")

    func entry(_ cidr: String, _ description: String = "contract entry") -> WhitelistEntry {
        WhitelistEntry(cidr: try! CIDR(cidr), description: description, addedBy: "tester", addedAt: now, expiresAt: now.addingTimeInterval(86_400))
    }

    func state() async throws -> DesiredState {
        let snapshot = try await store.load()
        #expect(snapshot.failures.isEmpty, "\(snapshot.failures)")
        return try #require(snapshot.environments[dev])
    }

    func networks() async throws -> Set<String> {
        Set(try await state().whitelist.map(\.cidr.description))
    }

    func checkAll() async throws {
        try await loads()
        try await eachEdit()
        try await refusals()
        try await concurrentEditsAreAllKept()
        if remembersDeliveries { try await aRetriedEditIsAppliedOnce() }
    }

    func loads() async throws {
        let dev = try await state()
        #expect(dev.tier == .running)
        #expect(dev.whitelist.map(\.cidr.description) == ["203.0.113.10/32"])
    }

    func eachEdit() async throws {
        let added = try await store.apply(.addWhitelistEntry(entry("198.51.100.0/24")), to: dev, actor: "tester", now: now)
        #expect(added.entry(for: try CIDR("198.51.100.0/24")) != nil)
        #expect(try await networks() == ["203.0.113.10/32", "198.51.100.0/24"])

        try await store.apply(.addWhitelistEntry(entry("198.51.100.0/24", "renewed")), to: dev, actor: "tester", now: now)
        #expect(try await state().entry(for: try CIDR("198.51.100.0/24"))?.description == "renewed")

        try await store.apply(.removeWhitelistEntry(try CIDR("198.51.100.0/24")), to: dev, actor: "tester", now: now)
        #expect(try await networks() == ["203.0.113.10/32"])

        try await store.apply(.setTier(.stopped), to: dev, actor: "tester", now: now)
        #expect(try await state().tier == .stopped)
        try await store.apply(.setTier(.running), to: dev, actor: "tester", now: now)

        let lease = BastionLease(requestedBy: "tester", requestedAt: now, expiresAt: now.addingTimeInterval(3 * 3600))
        try await store.apply(.createBastionLease(lease), to: dev, actor: "tester", now: now)
        #expect(try await state().bastion == lease)
        try await store.apply(.extendBastionLease(by: .hours(1)), to: dev, actor: "tester", now: now)
        #expect(try await state().bastion?.expiresAt == lease.expiresAt.addingTimeInterval(3600))
        try await store.apply(.dropBastionLease, to: dev, actor: "tester", now: now)
        #expect(try await state().bastion == nil)
    }

    func refusals() async throws {
        let before = try await state()
        await #expect(throws: DesiredStateEditError.entryNotFound(try CIDR("192.0.2.0/24"), environment: dev)) {
            try await store.apply(.removeWhitelistEntry(try CIDR("192.0.2.0/24")), to: dev, actor: "tester", now: now)
        }
        await #expect(throws: DesiredStateEditError.self) {
            try await store.apply(.addWhitelistEntry(entry("10.0.0.0/8")), to: dev, actor: "tester", now: now)
        }
        await #expect(throws: DesiredStateEditError.noBastionLease(environment: dev)) {
            try await store.apply(.extendBastionLease(by: .hours(1)), to: dev, actor: "tester", now: now)
        }
        #expect(try await state() == before, "a refused edit changes nothing")
    }

    func concurrentEditsAreAllKept() async throws {
        let writers = 20
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    try await store.apply(.addWhitelistEntry(entry("10.77.\(writer).0/24")), to: dev, actor: "w\(writer)", now: now)
                }
            }
            try await group.waitForAll()
        }
        let kept = try await networks()
        #expect(Set((0..<writers).map { "10.77.\($0).0/24" }).isSubset(of: kept))
        for writer in 0..<writers {
            try await store.apply(.removeWhitelistEntry(try CIDR("10.77.\(writer).0/24")), to: dev, actor: "t", now: now)
        }
    }

    /// A redelivered command (same delivery id, a little later) changes nothing the second time.
    func aRetriedEditIsAppliedOnce() async throws {
        let lease = BastionLease(requestedBy: "tester", requestedAt: now, expiresAt: now.addingTimeInterval(3 * 3600))
        try await store.apply(.createBastionLease(lease), to: dev, actor: "tester", now: now)
        let delivery = DesiredStateEditContext(editID: "slack:U1:trigger-1", source: "slack")
        try await store.apply(.extendBastionLease(by: .hours(1)), to: dev, actor: "U1", now: now, context: delivery)
        try await store.apply(.extendBastionLease(by: .hours(1)), to: dev, actor: "U1", now: now.addingTimeInterval(5), context: delivery)
        #expect(try await state().bastion?.expiresAt == lease.expiresAt.addingTimeInterval(3600))

        let add = DesiredStateEditContext(editID: "slack:U1:trigger-2", source: "slack")
        try await store.apply(.addWhitelistEntry(entry("192.0.2.0/24", "first delivery")), to: dev, actor: "U1", now: now, context: add)
        try await store.apply(.addWhitelistEntry(entry("192.0.2.0/24", "redelivered")), to: dev, actor: "U1", now: now, context: add)
        #expect(try await state().entry(for: try CIDR("192.0.2.0/24"))?.description == "first delivery")
        try await store.apply(.removeWhitelistEntry(try CIDR("192.0.2.0/24")), to: dev, actor: "U1", now: now)
        try await store.apply(.dropBastionLease, to: dev, actor: "tester", now: now)
    }
}
