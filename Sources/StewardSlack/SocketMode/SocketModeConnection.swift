import Synchronization
import WSClient

/// One WebSocket to Slack: its id, whether it said hello, whether it has been asked to close,
/// the writer its acks go through and the envelopes it is still handling.
final class SocketModeConnection: Sendable {
    let id: Int
    let hello = OneShotSignal()
    let closeRequested = OneShotSignal()
    let inFlight = InFlightCounter()
    private let writer = Mutex<WebSocketOutboundWriter?>(nil)

    init(id: Int) {
        self.id = id
    }

    func attach(_ outbound: WebSocketOutboundWriter) {
        writer.withLock { $0 = outbound }
    }

    var outbound: WebSocketOutboundWriter? { writer.withLock { $0 } }
}
