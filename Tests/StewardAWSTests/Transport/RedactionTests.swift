import Foundation
import Logging
@testable import StewardAWS
import StewardTestSupport
import Synchronization
import Testing

@Suite("Log redaction", .moto, .serialized)
struct RedactionTests {
    @Test func debugLogsNeverContainCredentialsTokensOrSecretValues() async throws {
        let fixture = try MotoFixture.get()
        let capture = LogCapture()
        let logger = capture.logger("redaction")
        let secretValue = "s3cr3t-slack-token-\(UUID().uuidString)"
        let secretName = uniqueName("slack")
        _ = try await fixture.server.aws(["secretsmanager", "create-secret", "--name", secretName, "--secret-string", #"{"bot_token":"\#(secretValue)"}"#])

        // Session credentials so the request carries X-Amz-Security-Token.
        let sessionSecret = "session-secret-\(UUID().uuidString)"
        let sessionToken = "session-token-\(UUID().uuidString)"
        let environment = fixture.server.clientEnvironment.merging(["AWS_SECRET_ACCESS_KEY": sessionSecret, "AWS_SESSION_TOKEN": sessionToken]) { $1 }
        let client = try AWSClient.fromEnvironment(environment, transport: fixture.transport, logger: logger)

        let secret = try await SecretsManagerClient(client: client).getSecretValue(secretID: secretName)
        #expect(secret.secretString?.contains(secretValue) == true)
        let sts = STSClient(client: client)
        let assumed = try await sts.assumeRole(roleARN: "arn:aws:iam::123456789012:role/r", sessionName: "s")
        let webToken = "web-identity-token-\(UUID().uuidString)"
        _ = try await sts.assumeRoleWithWebIdentity(roleARN: "arn:aws:iam::123456789012:role/r", sessionName: "w", webIdentityToken: webToken)

        let text = capture.text
        #expect(text.contains("AWS request") && text.contains("AWS response"))
        #expect(text.contains("secretsmanager:GetSecretValue"))
        for forbidden in [secretValue, sessionSecret, sessionToken, webToken, assumed.credentials.secretAccessKey, assumed.credentials.sessionToken ?? "-", "Signature="] {
            #expect(!text.contains(forbidden), "log leaked a secret")
        }
        #expect(text.contains(AWSLogRedactor.redacted))
        // Secrets never show in descriptions either.
        #expect(!"\(secret)".contains(secretValue))
        #expect(!"\(assumed.credentials)".contains(assumed.credentials.secretAccessKey))
    }

    @Test func redactorCoversFormJSONAndXML() {
        let form = AWSLogRedactor.body(Array("Action=AssumeRoleWithWebIdentity&WebIdentityToken=abc.def&RoleArn=x".utf8))
        #expect(form == "Action=AssumeRoleWithWebIdentity&WebIdentityToken=<redacted>&RoleArn=x")
        let json = AWSLogRedactor.body(Array(#"{"Name":"n","SecretString":"{\"a\":\"b\"}","SecretBinary":"AAAA"}"#.utf8))
        #expect(json == #"{"Name":"n","SecretString":"<redacted>","SecretBinary":"<redacted>"}"#)
        let xml = AWSLogRedactor.body(Array("<Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey>S</SecretAccessKey><SessionToken>T</SessionToken></Credentials>".utf8))
        #expect(xml == "<Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey><redacted></SecretAccessKey><SessionToken><redacted></SessionToken></Credentials>")
        let headers = AWSLogRedactor.headers(AWSHTTPHeaders([("Authorization", "AWS4 x"), ("X-Amz-Security-Token", "t"), ("x-amz-target", "a.b")]))
        #expect(headers == "Authorization: <redacted>, X-Amz-Security-Token: <redacted>, x-amz-target: a.b")
    }
}
