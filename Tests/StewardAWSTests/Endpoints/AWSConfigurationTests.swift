import Foundation
import StewardAWS
import Testing

@Suite("Region and endpoint resolution")
struct AWSConfigurationTests {
    func config(_ environment: [String: String], files: String = "") throws -> AWSConfiguration {
        var shared = AWSSharedConfig()
        shared.merge(text: files, isCredentialsFile: false)
        return try AWSConfiguration(environment: environment, sharedConfig: shared)
    }

    @Test func regionPrecedence() throws {
        let files = "[profile dev]\nregion = eu-west-1\n[default]\nregion = us-west-2\n"
        #expect(try config(["AWS_REGION": "ap-south-1", "AWS_DEFAULT_REGION": "us-east-2"], files: files).region == "ap-south-1")
        #expect(try config(["AWS_DEFAULT_REGION": "us-east-2"], files: files).region == "us-east-2")
        #expect(try config(["AWS_PROFILE": "dev"], files: files).region == "eu-west-1")
        #expect(try config([:], files: files).region == "us-west-2")
        #expect(throws: AWSConfigurationError.noRegion(profile: "default")) { try config([:]) }
    }

    @Test func defaultEndpointsUseEndpointPrefixes() throws {
        let configuration = try config(["AWS_REGION": "eu-central-1"])
        #expect(try configuration.endpoint(for: .ec2).url == "https://ec2.eu-central-1.amazonaws.com/")
        #expect(try configuration.endpoint(for: .dynamoDBStreams).url == "https://streams.dynamodb.eu-central-1.amazonaws.com/")
        #expect(try configuration.endpoint(for: .applicationAutoScaling).url == "https://application-autoscaling.eu-central-1.amazonaws.com/")
        #expect(try configuration.endpoint(for: .secretsManager).host == "secretsmanager.eu-central-1.amazonaws.com")
        #expect(AWSService.dynamoDBStreams.signingName == "dynamodb")
        #expect(AWSService.applicationAutoScaling.signingName == "application-autoscaling")
    }

    @Test func serviceSpecificBeatsGlobalBeatsConfig() throws {
        let files = """
        [default]
        region = us-east-1
        endpoint_url = http://profile-global:1
        services = local

        [services local]
        ec2 =
          endpoint_url = http://config-ec2:2
        dynamodb_streams =
          endpoint_url = http://config-streams:3
        """
        let environment = [
            "AWS_ENDPOINT_URL": "http://env-global:4",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER": "http://env-secrets:5",
            "AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING": "http://env-aas:6",
            "AWS_ENDPOINT_URL_DYNAMODB_STREAMS": "https://env-streams:7",
        ]
        let withEnv = try config(environment, files: files)
        #expect(try withEnv.endpoint(for: .secretsManager).url == "http://env-secrets:5/")
        #expect(try withEnv.endpoint(for: .applicationAutoScaling).url == "http://env-aas:6/")
        #expect(try withEnv.endpoint(for: .dynamoDBStreams).url == "https://env-streams:7/")
        #expect(try withEnv.endpoint(for: .ec2).url == "http://env-global:4/")

        let filesOnly = try config([:], files: files)
        #expect(try filesOnly.endpoint(for: .ec2).url == "http://config-ec2:2/")
        #expect(try filesOnly.endpoint(for: .dynamoDBStreams).url == "http://config-streams:3/")
        #expect(try filesOnly.endpoint(for: .rds).url == "http://profile-global:1/")

        let ignored = try config(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"], files: files)
        #expect(try ignored.endpoint(for: .ec2).url == "https://ec2.us-east-1.amazonaws.com/")
    }

    @Test func everyServiceHasItsEnvironmentSuffix() {
        #expect(AWSService.all.map(\.environmentSuffix) == ["EC2", "ECS", "APPLICATION_AUTO_SCALING", "RDS", "DYNAMODB", "DYNAMODB_STREAMS", "STS", "SECRETS_MANAGER", "CLOUDTRAIL"])
    }

    @Test func badEndpointURLSaysWhereItCameFrom() throws {
        let configuration = try config(["AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL_ECS": "not a url"])
        #expect(throws: AWSConfigurationError.invalidEndpoint(source: "AWS_ENDPOINT_URL_ECS", value: "not a url")) {
            try configuration.endpoint(for: .ecs)
        }
    }

    @Test func endpointParsing() {
        #expect(AWSEndpoint(url: "http://127.0.0.1:5000")?.hostHeader == "127.0.0.1:5000")
        #expect(AWSEndpoint(url: "https://x.example.com:443/")?.hostHeader == "x.example.com")
        #expect(AWSEndpoint(url: "http://[::1]:8080")?.port == 8080)
        #expect(AWSEndpoint(url: "ftp://x") == nil)
        #expect(AWSEndpoint(url: "http://:80") == nil)
    }
}
