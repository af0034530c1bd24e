import Foundation
import StewardAWS
import StewardSlack

/// Where the Slack tokens come from: `SLACK_APP_TOKEN`, `SLACK_BOT_TOKEN`,
/// `SLACK_SIGNING_SECRET`, and for what they leave unset the Secrets Manager secret named by
/// `slack.secret_id` (or `SLACK_SECRET_ID`) in the seed's layout `{"bot_token","app_token"}`.
enum SlackSecrets {
    static func resolve(environment: [String: String], secretID: String?, transport: any AWSHTTPTransport) async throws -> SlackCredentials {
        let credentials = SlackCredentials.fromEnvironment(environment)
        let complete = credentials.appToken != nil && credentials.botToken != nil
        guard !complete, let secretID = environment["SLACK_SECRET_ID"] ?? secretID, !secretID.isEmpty else { return credentials }
        let value: SecretValue
        do {
            let aws = try AWSClient.fromEnvironment(environment, transport: transport)
            value = try await SecretsManagerClient(client: aws).getSecretValue(secretID: secretID)
        } catch {
            // The AWS error names the secret and the failure, never its value.
            throw CommandFailure(message: "Slack: could not read the Secrets Manager secret \(secretID): \(error)")
        }
        guard let text = value.secretString else {
            throw CommandFailure(message: "Slack: the secret \(secretID) has no SecretString; store {\"bot_token\":\"xoxb-…\",\"app_token\":\"xapp-…\"}")
        }
        do {
            return try credentials.merging(secretJSON: text)
        } catch {
            throw CommandFailure(message: "Slack: secret \(secretID): \(error)")
        }
    }
}
