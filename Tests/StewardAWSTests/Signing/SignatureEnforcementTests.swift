import Foundation
import StewardAWS
import StewardTestSupport
import Testing

/// moto with INITIAL_NO_AUTH_ACTION_COUNT checks SigV4 signatures and IAM policies like AWS.
/// An IAM user and key are made with boto3 during the free calls; then Steward's signed
/// requests must pass and a wrong secret must be refused, in every error shape.
@Suite("Signatures enforced by moto", .moto(authAfter: 1000), .serialized)
struct SignatureEnforcementTests {
    @Test func signedRequestsPassAndAWrongSecretIsRejected() async throws {
        let fixture = try MotoFixture.get()
        try await fixture.server.resetAuth(freeCalls: 3)
        let keys = try await fixture.server.boto3("""
        iam = boto3.client('iam', endpoint_url=ENDPOINT)
        iam.create_user(UserName='steward')
        iam.put_user_policy(UserName='steward', PolicyName='all', PolicyDocument=json.dumps(
            {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]}))
        k = iam.create_access_key(UserName='steward')['AccessKey']
        print(k['AccessKeyId']); print(k['SecretAccessKey'])
        """).split(separator: "\n").map(String.init)
        try #require(keys.count == 2)

        let good = try fixture.client(environment: ["AWS_ACCESS_KEY_ID": keys[0], "AWS_SECRET_ACCESS_KEY": keys[1]])
        let identity = try await STSClient(client: good).getCallerIdentity()
        #expect(identity.arn.hasSuffix("user/steward"))
        _ = try await EC2Client(client: good).describeSecurityGroups()
        _ = try await RDSClient(client: good).describeDBInstances()
        let notFound = try await #require(throws: AWSError.self) { try await SecretsManagerClient(client: good).getSecretValue(secretID: "absent") }
        #expect(notFound.code == "ResourceNotFoundException") // signature accepted, secret missing

        let bad = try fixture.client(environment: ["AWS_ACCESS_KEY_ID": keys[0], "AWS_SECRET_ACCESS_KEY": "wrong-secret"])
        let ec2Error = try await #require(throws: AWSError.self) { try await EC2Client(client: bad).describeSecurityGroups() }
        #expect(ec2Error.code == "AuthFailure")
        #expect(ec2Error.statusCode == 401)
        let stsError = try await #require(throws: AWSError.self) { try await STSClient(client: bad).getCallerIdentity() }
        #expect(stsError.code == "SignatureDoesNotMatch")
        #expect(stsError.statusCode == 403)
        let jsonError = try await #require(throws: AWSError.self) { try await SecretsManagerClient(client: bad).getSecretValue(secretID: "absent") }
        #expect(jsonError.statusCode == 403)
        #expect(!"\(jsonError)".contains("wrong-secret"))

        // The default moto keys are unknown to IAM once auth is armed.
        let unknown = try await #require(throws: AWSError.self) { try await STSClient(client: try fixture.client()).getCallerIdentity() }
        #expect(unknown.code == "InvalidClientTokenId")
    }
}
