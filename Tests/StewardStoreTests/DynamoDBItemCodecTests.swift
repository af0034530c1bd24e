import Foundation
import PropertyBased
import StewardAWS
import StewardCore
import Testing
@testable import StewardStore

@Suite struct DynamoDBItemCodecTests {
    static let table = "docustack-dev-ip-whitelist"
    static let added = Int(testNow.timeIntervalSince1970) - 3600
    static let expires = Int(testNow.timeIntervalSince1970) + 86_400

    /// The seed's item, as its own put-item command writes it.
    static func seedItem(_ ipAddress: String = "1.2.3.4/32", environment: String = "dev", expiresAt: Int? = expires) -> DynamoDBItem {
        var item: DynamoDBItem = [
            "ip_address": .s(ipAddress), "environment": .s(environment), "description": .s("John office IP"),
            "added_by": .s("john.doe"), "added_at": .number(added),
        ]
        if let expiresAt { item["expires_at"] = .number(expiresAt) }
        return item
    }

    static func decode(_ item: DynamoDBItem) -> WhitelistItemDecoding {
        WhitelistItemCodec.decode(item, table: table, policy: .default, now: testNow)
    }

    @Test func theSeedsItemIsReadAsIs() throws {
        let decoded = Self.decode(Self.seedItem())
        #expect(decoded.diagnostics.isEmpty)
        let record = try #require(decoded.record)
        #expect(record.entry == WhitelistEntry(cidr: try CIDR("1.2.3.4/32"), description: "John office IP", addedBy: "john.doe",
                                               addedAt: Date(timeIntervalSince1970: Double(Self.added)),
                                               expiresAt: Date(timeIntervalSince1970: Double(Self.expires))))
        #expect(record.environment.rawValue == "dev")
        #expect(record.version == nil)
    }

    @Test func aBareAddressMeansOneHostWithAWarning() throws {
        for (bare, network) in [("1.2.3.4", "1.2.3.4/32"), ("2001:db8::1", "2001:db8::1/128")] {
            let decoded = Self.decode(Self.seedItem(bare))
            #expect(decoded.record?.entry.cidr.description == network)
            #expect(decoded.record?.ipAddress == bare, "the key stays as stored, so deletes address the same row")
            #expect(decoded.diagnostics.map(\.severity) == [.warning])
            #expect(decoded.diagnostics.first?.message.contains("read as \(network)") == true)
        }
    }

    /// Each bad row is an error naming its table and key, and yields no record.
    @Test(arguments: [
        ("10.0.0.1/8", "host bits"),
        ("10.0.0.0/8", "wider than policy"),
        ("0.0.0.0/0", "whole internet"),
        ("not-an-ip", "ip_address"),
    ])
    func aRowThatDoesNotValidateIsReportedWithItsKey(ipAddress: String, expected: String) throws {
        let decoded = Self.decode(Self.seedItem(ipAddress))
        #expect(decoded.record == nil)
        let error = try #require(decoded.diagnostics.first { $0.severity == .error })
        #expect(error.path == "docustack-dev-ip-whitelist[ip_address=\(ipAddress), environment=dev]")
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test func missingKeysTypesAndExpiryPastTheMaximumAreErrors() {
        var missing = Self.seedItem()
        missing["description"] = nil
        #expect(Self.decode(missing).diagnostics.contains { $0.message.contains("'description' (S) is missing") })
        var wrongType = Self.seedItem()
        wrongType["added_at"] = .s("yesterday")
        #expect(Self.decode(wrongType).record == nil)
        var noEnvironment = Self.seedItem()
        noEnvironment["environment"] = nil
        #expect(Self.decode(noEnvironment).diagnostics.first?.path == "docustack-dev-ip-whitelist[ip_address=1.2.3.4/32, environment=?]")
        let tooLong = Self.seedItem(expiresAt: Self.added + 91 * 86_400)
        #expect(Self.decode(tooLong).diagnostics.contains { $0.message.contains("maximum TTL") })
        #expect(Self.decode(Self.seedItem(expiresAt: nil)).diagnostics.contains { $0.message.contains("no expires_at") })
    }

    @Test func anExpiredRowIsValidButWarned() throws {
        let decoded = Self.decode(Self.seedItem(expiresAt: Int(testNow.timeIntervalSince1970) - 1))
        let record = try #require(decoded.record)
        #expect(!record.entry.isActive(at: testNow))
        #expect(decoded.diagnostics.map(\.severity) == [.warning])
    }

    @Test func stewardsBookkeepingIsOptionalAndRead() throws {
        var item = Self.seedItem()
        item["version"] = .number(3)
        item["source"] = .s("slack")
        item["updated_at"] = .number(Self.added)
        item["edit_id"] = .s("slack:U1:T1")
        let record = try #require(Self.decode(item).record)
        #expect(record.version == 3)
        #expect(record.editID == "slack:U1:T1")
    }

    @Test func environmentItemsRoundTrip() throws {
        let record = EnvironmentItemRecord(
            environment: try EnvironmentName("dev"), tier: .stopped, tierSetBy: "U01", tierSetAt: ts("2026-11-25T10:00:00Z"),
            bastion: BastionLease(requestedBy: "U02", requestedAt: ts("2026-11-25T09:00:00Z"), expiresAt: ts("2026-11-25T12:00:00Z")),
            updatedBy: "U01", updatedAt: ts("2026-11-25T10:00:00Z"), version: 4, editIDs: ["a", "b"],
            label: "steward-environments[environment=dev]")
        let decoded = EnvironmentItemCodec.decode(EnvironmentItemCodec.encode(record), table: "steward-environments")
        #expect(decoded.record == record)
        let bad = EnvironmentItemCodec.decode(["environment": .s("dev"), "tier": .s("paused")], table: "steward-environments")
        #expect(bad.record == nil)
        #expect(bad.errors.first?.path == "steward-environments[environment=dev]")
    }

    static let entry = zip(Gen<UInt64>.value(), Gen.int(in: 0...8), Gen.int(in: 1_577_836_800...1_893_456_000), Gen.int(in: 0...(90 * 86_400)),
                           Gen.int(in: 1...1000), Gen.bool)
        .map { generated -> (WhitelistEntry, Int) in
            let (address, prefix, added, ttl, version, v6) = generated
            let cidr = v6 ? CIDR(family: .ipv6, high: address, low: 0, maskingTo: 48 + prefix * 10)
                : CIDR(family: .ipv4, high: 0, low: address & 0xFFFF_FFFF, maskingTo: 24 + prefix)
            return (WhitelistEntry(cidr: cidr, description: "entry \(version)", addedBy: "U\(version)",
                                   addedAt: Date(timeIntervalSince1970: Double(added)),
                                   expiresAt: Date(timeIntervalSince1970: Double(added + ttl))), version)
        }

    @Test func whatStewardWritesReadsBackAsTheSameEntry() async {
        await propertyCheck(count: 300, input: Self.entry) { generated in
            let (entry, version) = generated
            let dev = try! EnvironmentName("dev")
            let item = WhitelistItemCodec.encode(entry, ipAddress: entry.cidr.description, environment: dev, version: version,
                                                 source: "cli", updatedAt: entry.addedAt, editID: nil)
            let decoded = WhitelistItemCodec.decode(item, table: Self.table, policy: .default, now: entry.addedAt)
            #expect(decoded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(decoded.diagnostics)")
            #expect(decoded.record?.entry == entry)
            #expect(decoded.record?.version == version)
        }
    }
}
