import StewardCore

extension SlackMessage {
    /// What the person who ran `command` is told once the reconcile after it finished.
    /// `appliedBefore`: what earlier passes applied, when an "in progress" reply preceded this one.
    static func followUp(for command: String, environment: EnvironmentName, outcome: ReconcileOutcome,
                         appliedBefore: [String] = []) -> SlackMessage {
        let shown = "`" + command + "`"
        if let failure = outcome.failure {
            return reply(ChatReply(text: "failed: the reconcile after \(shown) could not run: \(failure). "
                + "Your edit is kept in desired state; Steward retries on its next pass."))
        }
        let result = outcome.environments[environment] ?? EnvironmentOutcome()
        let applied = appliedBefore + result.applied
        var lines: [String]
        if !result.failed.isEmpty || !result.problems.isEmpty {
            lines = ["failed: \(environment) reconciled with errors after \(shown):"]
            lines += (result.failed + result.problems + result.refused).map { "• " + $0 }
            if !applied.isEmpty { lines += ["applied:"] + applied.map { "• " + $0 } }
        } else if !result.refused.isEmpty {
            lines = ["refused: \(environment) after \(shown): a safety guard held part of the change back, so AWS does not match desired state yet:"]
            lines += result.refused.map { "• " + $0 }
            if !applied.isEmpty { lines += ["applied:"] + applied.map { "• " + $0 } }
        } else if result.inProgress {
            lines = ["in progress: \(environment) after \(shown):"] + applied.map { "• " + $0 }
            lines += ["still waiting on AWS:"] + result.pending.map { "• " + $0 }
            lines += ["Steward keeps converging; a last reply follows here when it is done."]
        } else if applied.isEmpty {
            lines = ["done: \(environment) reconciled after \(shown); AWS already matched desired state."]
        } else {
            lines = ["done: \(environment) reconciled after \(shown):"] + applied.map { "• " + $0 }
        }
        return reply(ChatReply(text: lines.joined(separator: "\n")))
    }
}
