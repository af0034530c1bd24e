import StewardCore

extension SlackMessage {
    /// What the person who ran `command` is told once the reconcile after it finished.
    static func followUp(for command: String, environment: EnvironmentName, outcome: ReconcileOutcome) -> SlackMessage {
        let shown = "`" + command + "`"
        if let failure = outcome.failure {
            return reply(ChatReply(text: "failed: the reconcile after \(shown) could not run: \(failure). "
                + "Your edit is kept in desired state; Steward retries on its next pass.", isError: false))
        }
        let result = outcome.environments[environment] ?? EnvironmentOutcome()
        var lines: [String]
        if !result.succeeded {
            lines = ["failed: \(environment) reconciled with errors after \(shown):"]
            lines += (result.failed + result.problems).map { "• " + $0 }
            if !result.applied.isEmpty { lines += ["applied:"] + result.applied.map { "• " + $0 } }
        } else if result.applied.isEmpty {
            lines = ["done: \(environment) reconciled after \(shown); AWS already matched desired state."]
        } else {
            lines = ["done: \(environment) reconciled after \(shown):"] + result.applied.map { "• " + $0 }
        }
        return reply(ChatReply(text: lines.joined(separator: "\n")))
    }
}
