import Foundation
import StewardAWS
import StewardController
import StewardCore
import Testing

/// Naming from CloudTrail records that the emulator tests don't seed: the fallbacks.
@Suite("Drift actor from a CloudTrail event")
struct DriftActorTests {
    static let time = Date(timeIntervalSince1970: 1_763_632_800)
    static let steward = StewardIdentity(callerARN: "arn:aws:sts::123456789012:assumed-role/steward/i-0abc")

    static func event(_ identity: CloudTrailUserIdentity?, username: String? = nil, time: Date? = DriftActorTests.time) -> CloudTrailEvent {
        CloudTrailEvent(eventID: "e-1", eventName: "UpdateService", eventTime: time, username: username, userIdentity: identity)
    }

    @Test func stewardByRoleNameInItsAccountOnly() {
        let own = CloudTrailUserIdentity(type: "AssumedRole", arn: "arn:aws:sts::123456789012:assumed-role/steward/i-0other")
        let elsewhere = CloudTrailUserIdentity(type: "AssumedRole", arn: "arn:aws:sts::999999999999:assumed-role/steward/i-0other")
        #expect(DriftActor(event: Self.event(own), steward: Self.steward)?.kind == .steward)
        #expect(DriftActor(event: Self.event(elsewhere), steward: Self.steward)?.name == "i-0other", "a role of the same name in another account is not Steward")
    }

    @Test func stewardAsAnIAMUserByExactARN() {
        let steward = StewardIdentity(callerARN: "arn:aws:iam::123456789012:user/steward")
        let identity = CloudTrailUserIdentity(type: "IAMUser", arn: "arn:aws:iam::123456789012:user/steward", userName: "steward")
        #expect(DriftActor(event: Self.event(identity), steward: steward)?.name == "Steward")
    }

    @Test func identityCenterUserAndUnknownTypesAndMissingIdentity() {
        let center = DriftActor(event: Self.event(CloudTrailUserIdentity(type: "IdentityCenterUser", arn: nil, userName: "jane@example.com")), steward: Self.steward)
        #expect(center?.name == "jane@example.com")
        #expect(center?.kind == .ssoSession)
        let federated = DriftActor(event: Self.event(CloudTrailUserIdentity(type: "FederatedUser", arn: "arn:aws:sts::123456789012:federated-user/bob")), steward: Self.steward)
        #expect(federated?.name == "bob")
        #expect(federated?.kind == .unknown)
        let unread = DriftActor(event: Self.event(nil, username: "carol"), steward: Self.steward)
        #expect(unread?.name == "carol", "CloudTrail's Username when the record can't be read")
        #expect(unread?.kind == .unknown)
    }

    @Test func anEventWithoutATimeIsNotAnActor() {
        #expect(DriftActor(event: Self.event(nil, username: "carol", time: nil), steward: Self.steward) == nil)
    }

    @Test func roundTripsThroughJSON() throws {
        let actor = DriftActor(name: "jane.doe", arn: "arn:aws:sts::123456789012:assumed-role/Admin/jane.doe", kind: .assumedRole, eventName: "AuthorizeSecurityGroupIngress", eventTime: Self.time)
        let data = try JSONEncoder().encode(AttributionResult.found(actor))
        #expect(try JSONDecoder().decode(AttributionResult.self, from: data) == .found(actor))
    }
}
