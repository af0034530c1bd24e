import HummingbirdWebSocket
import NIOCore

/// The transport handles of an accepted Socket Mode connection.
struct LiveConnection: Sendable {
    let id: SlackConnectionID
    /// The TCP channel underneath the WebSocket, for abrupt drops and for pausing reads.
    let channel: any Channel
    let outbound: WebSocketOutboundWriter
    /// `hello` has gone out, so envelopes may follow.
    var ready = false
}
