import Foundation
import StewardAWS
import StewardTestSupport
import Testing

@Suite("Secrets Manager against moto", .moto, .serialized)
struct SecretsManagerTests {
    @Test func getSecretValueByNameAndARN() async throws {
        let fixture = try MotoFixture.get()
        let name = uniqueName("steward/slack")
        let created = try parseJSON(try await fixture.server.aws(["secretsmanager", "create-secret", "--name", name, "--secret-string", #"{"bot_token":"xoxb-1","app_token":"xapp-1"}"#])) as? [String: Any]
        let arn = try #require(created?["ARN"] as? String)
        let secrets = SecretsManagerClient(client: try fixture.client())
        let byName = try await secrets.getSecretValue(secretID: name)
        #expect(byName.arn == arn)
        let payload = try #require(byName.secretString.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] })
        #expect(payload == ["bot_token": "xoxb-1", "app_token": "xapp-1"])
        #expect(try await secrets.getSecretValue(secretID: arn).name == name)
    }
}
