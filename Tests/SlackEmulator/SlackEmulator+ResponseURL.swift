import Foundation
import Hummingbird

/// `response_url`: JSON follow-ups to a slash command, at most 5 within 30 minutes.
extension SlackEmulator {
    func responseURLPost(id: String, request: Request, body: Data) -> Response {
        let method = "response_url"
        guard request.method == .post else {
            return record(method, HTTPReply.text("invalid_method", status: .methodNotAllowed), error: "invalid_method")
        }
        // Slack answers response_url errors with short plain-text bodies, not Web API JSON.
        guard let message = SlackJSON.parse(body), message.objectValue != nil else {
            return record(method, HTTPReply.text("invalid_payload", status: .badRequest), error: "invalid_payload")
        }
        let deletes = message["delete_original"]?.boolValue == true
        let text = message["text"]?.stringValue ?? ""
        let blocks = message["blocks"]
        if text.isEmpty && blocks?.arrayValue?.isEmpty != false && !deletes {
            return record(method, HTTPReply.text("no_text", status: .badRequest), error: "no_text")
        }
        if let blocks {
            let problems = BlockKitValidator.problems(in: blocks)
            if !problems.isEmpty {
                return record(method, HTTPReply.text("invalid_blocks", status: .badRequest), error: "invalid_blocks")
            }
        }
        let maxUses = configuration.responseURLMaxUses
        let lifetime = configuration.responseURLLifetime
        let outcome: String? = store.mutate { state in
            guard var entry = state.responseURLs[id] else { return "invalid_url" }
            let now = ContinuousClock.now
            if now - entry.issuedAt > lifetime { return "expired_url" }
            if entry.uses >= maxUses { return "used_url" }
            entry.uses += 1
            state.responseURLs[id] = entry
            state.records.followUps.append(
                SlackFollowUp(responseURL: entry.url, envelopeID: entry.envelopeID, use: entry.uses, body: message, receivedAt: now)
            )
            return nil
        }
        if let outcome {
            return record(method, HTTPReply.text(outcome, status: .notFound), error: outcome)
        }
        return record(method, HTTPReply.text("ok", status: .ok), error: nil)
    }

    /// The `response_url` issued with a delivered slash command, or `nil` for other envelopes.
    public func responseURL(of envelopeID: String) -> String? {
        store.read { state in state.envelopes[envelopeID]?.payload["response_url"]?.stringValue }
    }

    /// Moves a `response_url`'s issue time into the past so tests can see `expired_url`
    /// without waiting 30 minutes.
    public func ageResponseURL(of envelopeID: String, by age: Duration) {
        store.mutate { state in
            for (id, entry) in state.responseURLs where entry.envelopeID == envelopeID {
                state.responseURLs[id] = ResponseURLState(
                    envelopeID: entry.envelopeID, url: entry.url, issuedAt: entry.issuedAt - age, uses: entry.uses
                )
            }
        }
    }
}
