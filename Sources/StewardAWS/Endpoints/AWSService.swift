import Foundation

/// What the runtime needs to know about one AWS service: where its endpoint lives, what name
/// it signs with, how its requests are encoded, and how the SDKs name it in configuration.
public struct AWSService: Sendable, Equatable, Hashable {
    public enum WireProtocol: Sendable, Equatable, Hashable {
        /// Form-encoded `Action=…&Version=…`, XML responses (EC2's dialect or RDS/STS's).
        case query(apiVersion: String)
        /// `X-Amz-Target: <prefix>.<Operation>`, JSON in and out.
        case json(version: String, targetPrefix: String)
    }

    /// The SDKs' service id (`Secrets Manager`), used in messages.
    public let serviceID: String
    /// The first label of the default hostname (`ec2`, `streams.dynamodb`).
    public let endpointPrefix: String
    /// The SigV4 service name (`application-autoscaling`; `dynamodb` for Streams).
    public let signingName: String
    public let wireProtocol: WireProtocol

    /// `AWS_ENDPOINT_URL_<suffix>`: the service id upper-cased, spaces as underscores.
    public var environmentSuffix: String {
        serviceID.uppercased().replacingOccurrences(of: " ", with: "_")
    }

    /// The key under a config file's `[services …]` section: lower-cased, underscores.
    public var configKey: String {
        serviceID.lowercased().replacingOccurrences(of: " ", with: "_")
    }

    public static let ec2 = AWSService(serviceID: "EC2", endpointPrefix: "ec2", signingName: "ec2", wireProtocol: .query(apiVersion: "2016-11-15"))
    public static let ecs = AWSService(serviceID: "ECS", endpointPrefix: "ecs", signingName: "ecs", wireProtocol: .json(version: "1.1", targetPrefix: "AmazonEC2ContainerServiceV20141113"))
    public static let applicationAutoScaling = AWSService(serviceID: "Application Auto Scaling", endpointPrefix: "application-autoscaling", signingName: "application-autoscaling", wireProtocol: .json(version: "1.1", targetPrefix: "AnyScaleFrontendService"))
    public static let rds = AWSService(serviceID: "RDS", endpointPrefix: "rds", signingName: "rds", wireProtocol: .query(apiVersion: "2014-10-31"))
    public static let dynamoDB = AWSService(serviceID: "DynamoDB", endpointPrefix: "dynamodb", signingName: "dynamodb", wireProtocol: .json(version: "1.0", targetPrefix: "DynamoDB_20120810"))
    public static let dynamoDBStreams = AWSService(serviceID: "DynamoDB Streams", endpointPrefix: "streams.dynamodb", signingName: "dynamodb", wireProtocol: .json(version: "1.0", targetPrefix: "DynamoDBStreams_20120810"))
    public static let sts = AWSService(serviceID: "STS", endpointPrefix: "sts", signingName: "sts", wireProtocol: .query(apiVersion: "2011-06-15"))
    public static let secretsManager = AWSService(serviceID: "Secrets Manager", endpointPrefix: "secretsmanager", signingName: "secretsmanager", wireProtocol: .json(version: "1.1", targetPrefix: "secretsmanager"))
    /// The target prefix is botocore's `targetPrefix` for cloudtrail 2013-11-01.
    public static let cloudTrail = AWSService(serviceID: "CloudTrail", endpointPrefix: "cloudtrail", signingName: "cloudtrail", wireProtocol: .json(version: "1.1", targetPrefix: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101"))

    public static let all: [AWSService] = [.ec2, .ecs, .applicationAutoScaling, .rds, .dynamoDB, .dynamoDBStreams, .sts, .secretsManager, .cloudTrail]
}
