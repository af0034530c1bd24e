import Foundation
import StewardAWS
import StewardTestSupport
import Testing

/// Each credential source the SDKs support, simulated locally: environment, shared files
/// (static and assume-role via moto STS), web identity via moto STS, a local container
/// credentials endpoint and a local IMDSv2.
@Suite("Credential chain", .moto, .serialized)
struct CredentialChainTests {
    static let documentExpiry = "2099-01-01T00:00:00Z"

    func chain(_ environment: [String: String]) throws -> AWSCredentialChain {
        let fixture = try MotoFixture.get()
        var full = ["AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": fixture.server.endpoint, "AWS_EC2_METADATA_DISABLED": "true",
                    "AWS_CONFIG_FILE": "/nonexistent/config", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials", "HOME": "/nonexistent"]
        for (key, value) in environment { full[key] = value }
        return AWSCredentialChain.standard(configuration: try AWSConfiguration(environment: full), transport: fixture.transport)
    }

    @Test func environmentComesFirst() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let credentialsFile = try directory.write("credentials", "[default]\naws_access_key_id = FROMFILE\naws_secret_access_key = filesecret\n")
        let credentials = try await chain([
            "AWS_ACCESS_KEY_ID": "FROMENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "envtoken",
            "AWS_SHARED_CREDENTIALS_FILE": credentialsFile,
        ]).resolve()
        #expect(credentials == AWSCredentials(accessKeyID: "FROMENV", secretAccessKey: "envsecret", sessionToken: "envtoken"))
    }

    @Test func staticProfileFromFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let credentialsFile = try directory.write("credentials", "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = s1\n\n[dev]\naws_access_key_id = DEVKEY  # comment\naws_secret_access_key = s2\n")
        let configFile = try directory.write("config", "[profile dev]\nregion = eu-west-1\n")
        let credentials = try await chain(["AWS_PROFILE": "dev", "AWS_SHARED_CREDENTIALS_FILE": credentialsFile, "AWS_CONFIG_FILE": configFile]).resolve()
        #expect(credentials.accessKeyID == "DEVKEY")
        #expect(credentials.secretAccessKey == "s2")
    }

    @Test func assumeRoleProfileThroughMotoSTS() async throws {
        let fixture = try MotoFixture.get()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let credentialsFile = try directory.write("credentials", "[base]\naws_access_key_id = BASEKEY\naws_secret_access_key = basesecret\n")
        let configFile = try directory.write("config", """
        [profile deploy]
        role_arn = arn:aws:iam::123456789012:role/steward-deployer
        source_profile = base
        role_session_name = steward-session
        region = us-east-1
        """)
        let environment = ["AWS_PROFILE": "deploy", "AWS_SHARED_CREDENTIALS_FILE": credentialsFile, "AWS_CONFIG_FILE": configFile]
        let credentials = try await chain(environment).resolve()
        #expect(credentials.accessKeyID != "BASEKEY")
        #expect(credentials.sessionToken != nil)
        #expect(credentials.expiration != nil)

        // The assumed credentials work, and STS sees the assumed role.
        var clientEnvironment = fixture.server.clientEnvironment
        clientEnvironment.removeValue(forKey: "AWS_ACCESS_KEY_ID")
        clientEnvironment.removeValue(forKey: "AWS_SECRET_ACCESS_KEY")
        for (key, value) in environment { clientEnvironment[key] = value }
        let client = try AWSClient.fromEnvironment(clientEnvironment, transport: fixture.transport)
        let identity = try await STSClient(client: client).getCallerIdentity()
        #expect(identity.arn.contains("assumed-role/steward-deployer/steward-session"))
    }

    @Test func sourceProfileLoopIsReported() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configFile = try directory.write("config", "[profile a]\nrole_arn = arn:aws:iam::123456789012:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/b\nsource_profile = a\n")
        let error = try await #require(throws: AWSCredentialsError.self) { try await chain(["AWS_PROFILE": "a", "AWS_CONFIG_FILE": configFile]).resolve() }
        #expect("\(error)".contains("source_profile loop"))
    }

    @Test func webIdentityTokenFileThroughMotoSTS() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tokenFile = try directory.write("token", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdGV3YXJkIn0.c2lnbmF0dXJl\n")
        let credentials = try await chain([
            "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
            "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/steward-irsa",
            "AWS_ROLE_SESSION_NAME": "irsa",
        ]).resolve()
        #expect(credentials.sessionToken != nil)
        #expect(!credentials.accessKeyID.isEmpty)
    }

    @Test func containerCredentialsFromALocalEndpoint() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tokenFile = try directory.write("auth", "Bearer local-auth-token\n")
        let document = #"{"AccessKeyId":"ASIACONTAINER","SecretAccessKey":"containersecret","Token":"containertoken","Expiration":"\#(Self.documentExpiry)"}"#
        try await LocalHTTPServer.with(handler: { request in
            guard request.uri == "/v2/credentials/task?x=1", request.header("Authorization") == "Bearer local-auth-token" else {
                return LocalHTTPResponse(status: 403)
            }
            return LocalHTTPResponse(contentType: "application/json", text: document)
        }) { server in
            let credentials = try await chain([
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "\(server.url)/v2/credentials/task?x=1",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "ignored-because-file-wins",
            ]).resolve()
            #expect(credentials.accessKeyID == "ASIACONTAINER")
            #expect(credentials.sessionToken == "containertoken")
            #expect(credentials.expiration == AWSDateParsing.iso8601(Self.documentExpiry))
            #expect(server.requests.count == 1)
        }
    }

    @Test func relativeContainerURIGoesToTheECSHost() async throws {
        let transport = FakeTransport { request, _ in
            #expect(request.endpoint.host == "169.254.170.2")
            #expect(request.endpoint.path == "/v2/credentials/abc")
            #expect(request.headers.value(for: "Authorization") == "plain-token")
            return FakeTransport.json(#"{"AccessKeyId":"A","SecretAccessKey":"S","Token":"T","Expiration":"2099-01-01T00:00:00Z"}"#)
        }
        let provider = ContainerCredentialProvider(environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "plain-token"], transport: transport)
        #expect(try await provider.resolve().accessKeyID == "A")
    }

    @Test func fullURIOverPlainHTTPToARemoteHostIsRefused() async throws {
        let provider = ContainerCredentialProvider(environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.1.1/creds"], transport: FakeTransport { _, _ in FakeTransport.json("{}") })
        let error = try await #require(throws: AWSCredentialsError.self) { try await provider.resolve() }
        #expect("\(error)".contains("http is allowed only"))
    }

    @Test func instanceMetadataV2FromALocalServer() async throws {
        let document = #"{"Code":"Success","AccessKeyId":"ASIAIMDS","SecretAccessKey":"imdssecret","Token":"imdstoken","Expiration":"\#(Self.documentExpiry)"}"#
        try await LocalHTTPServer.with(handler: { request in
            switch (request.method, request.uri) {
            case ("PUT", "/latest/api/token"):
                return request.header("X-aws-ec2-metadata-token-ttl-seconds") == "21600" ? LocalHTTPResponse(contentType: "text/plain", text: "imds-session") : LocalHTTPResponse(status: 400)
            case ("GET", _) where request.header("X-aws-ec2-metadata-token") != "imds-session":
                return LocalHTTPResponse(status: 401)
            case ("GET", "/latest/meta-data/iam/security-credentials/"):
                return LocalHTTPResponse(contentType: "text/plain", text: "steward-instance-role\n")
            case ("GET", "/latest/meta-data/iam/security-credentials/steward-instance-role"):
                return LocalHTTPResponse(contentType: "application/json", text: document)
            default:
                return LocalHTTPResponse(status: 404)
            }
        }) { server in
            let credentials = try await chain(["AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": server.url]).resolve()
            #expect(credentials.accessKeyID == "ASIAIMDS")
            #expect(credentials.sessionToken == "imdstoken")
            #expect(server.requests.map(\.method) == ["PUT", "GET", "GET"])
        }
    }

    @Test func noSourceGivesOneErrorListingEverythingTried() async throws {
        let error = try await #require(throws: AWSCredentialsError.self) { try await chain([:]).resolve() }
        guard case .noCredentials(let tried) = error else {
            Issue.record("expected noCredentials, got \(error)")
            return
        }
        #expect(tried.count == 5)
        let text = "\(error)"
        for source in ["environment", "web identity", "shared config profile default", "container credentials", "EC2 instance metadata"] {
            #expect(text.contains(source))
        }
    }
}
