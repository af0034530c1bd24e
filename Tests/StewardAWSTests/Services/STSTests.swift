import Foundation
import StewardAWS
import StewardTestSupport
import Testing

@Suite("STS against moto", .moto, .serialized)
struct STSTests {
    @Test func getCallerIdentity() async throws {
        let fixture = try MotoFixture.get()
        let identity = try await STSClient(client: try fixture.client()).getCallerIdentity()
        #expect(identity.account == "123456789012")
        let cli = try parseJSON(try await fixture.server.aws(["sts", "get-caller-identity"])) as? [String: Any]
        #expect(cli?["Arn"] as? String == identity.arn)
    }

    @Test func assumeRoleAndWebIdentity() async throws {
        let fixture = try MotoFixture.get()
        let sts = STSClient(client: try fixture.client())
        let role = "arn:aws:iam::123456789012:role/steward"
        let assumed = try await sts.assumeRole(roleARN: role, sessionName: "steward-test", durationSeconds: 900)
        #expect(assumed.credentials.sessionToken?.isEmpty == false)
        #expect(assumed.credentials.expiration != nil)
        #expect(assumed.assumedRoleARN?.contains("assumed-role/steward/steward-test") == true)

        let web = try await sts.assumeRoleWithWebIdentity(roleARN: role, sessionName: "web", webIdentityToken: "header.payload.signature")
        #expect(!web.credentials.accessKeyID.isEmpty)
    }
}
