import ArgumentParser
import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore

/// What every subcommand needs, resolved once: configuration, and where desired state lives
/// (the store and its change feed, from configuration).
struct CommandContext {
    let configuration: StewardConfiguration
    let configurationSource: ConfigurationSource
    /// nil when DynamoDB holds everything and no directory was named.
    let desiredStateDirectory: URL?
    let desiredState: DesiredStateSource
    /// The DynamoDB store's client; nil when desired state is YAML alone.
    let storeAWS: AWSClient?

    var store: any DesiredStateStore { desiredState.store }

    /// - Parameter countAWSCalls: count the store's DynamoDB calls in `steward_aws_calls_total` (the daemon).
    init(options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment, countAWSCalls: Bool = false) throws {
        let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        do {
            (configuration, configurationSource) = try ConfigurationLoader().load(
                explicitPath: options.configPath, environment: environment, currentDirectory: currentDirectory)
        } catch {
            throw CommandFailure(message: error.description)
        }
        let path = options.desiredStatePath ?? environment["STEWARD_DESIRED_STATE"]
            ?? (configuration.desiredState.dynamoDB == nil ? configuration.desiredStatePath : configuration.desiredState.yamlPath)
        // Relative to the working directory but shown as given: messages say desired-state/dev.yaml.
        desiredStateDirectory = path.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : URL(fileURLWithPath: $0, relativeTo: currentDirectory) }
        let aws = try configuration.desiredState.dynamoDB.map { try Self.storeClient($0, environment: environment, countAWSCalls: countAWSCalls) }
        storeAWS = aws
        do {
            desiredState = try DesiredStateSource.make(configuration: configuration, yamlDirectory: desiredStateDirectory, aws: aws)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }

    /// The DynamoDB store's client, from the SDK-standard environment (its region overridden by
    /// `desired_state.dynamodb.region`), over the process-wide HTTP client so no command has to
    /// shut it down. Only built when DynamoDB is configured: YAML alone stays offline.
    static func storeClient(_ settings: DynamoDBDesiredStateSettings, environment: [String: String], countAWSCalls: Bool) throws -> AWSClient {
        var environment = environment
        if let region = settings.region {
            environment["AWS_REGION"] = region
        }
        let transport: any AWSHTTPTransport = countAWSCalls
            ? AWSCallCountingTransport(wrapping: AsyncHTTPClientTransport.processWide) : AsyncHTTPClientTransport.processWide
        do {
            return try AWSClient.fromEnvironment(environment, transport: transport)
        } catch {
            throw CommandFailure(message: "AWS configuration for the desired-state tables: \(error)")
        }
    }

    /// The audit log from configuration (relative paths from the working directory); nil when disabled.
    var auditLog: AuditLog? {
        configuration.auditLogPath.map { path in
            AuditLog(url: path.hasPrefix("/") ? URL(fileURLWithPath: path)
                : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path))
        }
    }

    /// Writes one audit record, for the command session; a write that fails is not the command's failure.
    var auditRecorder: (@Sendable (AuditRecord) async -> Void)? {
        auditLog.map { log in { @Sendable record in try? await log.append(record) } }
    }

    /// True when the environment names an AWS region or profile: only then does the CLI read AWS
    /// (for the quota check of an edit). Without it the CLI stays an offline editor of YAML and
    /// never waits on credential discovery (IMDS timeouts on a laptop).
    static func awsConfigured(_ environment: [String: String]) -> Bool {
        ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"].contains { !(environment[$0] ?? "").isEmpty }
    }

    /// Who the CLI records as `added_by`.
    static func actor(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        explicit ?? environment["USER"] ?? environment["LOGNAME"] ?? "cli"
    }
}

/// A failure already explained in `message`: printed to stderr, exit 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
