/// The envelope of every Web API answer: `{"ok":true,…}` or `{"ok":false,"error":"code"}`.
struct SlackAPIResponse: Decodable, Sendable {
    var ok: Bool
    var error: String?
    /// `apps.connections.open`: the single-use WebSocket URL.
    var url: String?
    /// `chat.postMessage`: the message timestamp.
    var ts: String?
    /// `auth.test`: the workspace and the app the token belongs to.
    var team_id: String?
    var app_id: String?
}
