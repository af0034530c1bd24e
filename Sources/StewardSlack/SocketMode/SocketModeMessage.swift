import Foundation

/// What the Socket Mode server sends, decoded as far as Steward acts on it.
enum SocketModeMessage: Sendable {
    case hello(connectionTime: Int?)
    case disconnect(reason: String)
    case envelope(SocketModeEnvelope)
    /// Anything else (a future message type): ignored, logged at debug.
    case other(type: String)

    private struct Head: Decodable {
        var type: String
        var reason: String?
        var envelope_id: String?
        var retry_attempt: Int?
        var accepts_response_payload: Bool?
        var debug_info: DebugInfo?
        struct DebugInfo: Decodable { var approximate_connection_time: Int? }
    }

    private struct SlashBody: Decodable { var payload: SlashCommand }

    static func decode(_ text: String) -> SocketModeMessage? {
        let data = Data(text.utf8)
        guard let head = try? JSONDecoder().decode(Head.self, from: data) else { return nil }
        switch head.type {
        case "hello":
            return .hello(connectionTime: head.debug_info?.approximate_connection_time)
        case "disconnect":
            return .disconnect(reason: head.reason ?? "unspecified")
        default:
            guard let id = head.envelope_id else { return .other(type: head.type) }
            var envelope = SocketModeEnvelope(id: id, type: head.type, retryAttempt: head.retry_attempt,
                                              acceptsResponsePayload: head.accepts_response_payload ?? false)
            if head.type == "slash_commands" {
                envelope.slashCommand = (try? JSONDecoder().decode(SlashBody.self, from: data))?.payload
            }
            return .envelope(envelope)
        }
    }
}

/// One delivery that must be acked by id within 3 s.
struct SocketModeEnvelope: Sendable {
    var id: String
    var type: String
    var retryAttempt: Int?
    var acceptsResponsePayload: Bool
    var slashCommand: SlashCommand?
}
