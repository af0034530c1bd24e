import StewardCore
import Synchronization
import WSClient

/// One WebSocket to Slack: its id, whether it said hello, whether it has been asked to close,
/// the writer its acks go through and the envelopes it is still handling.
final class SocketModeConnection: Sendable {
    let id: Int
    let hello = WakeSignal()
    let closeRequested = WakeSignal()
    let inFlight = InFlightCounter()
    private let writer = Mutex<WebSocketOutboundWriter?>(nil)
    private let lastArrival = Mutex<ContinuousClock.Instant?>(nil)
    /// Closing because Steward stops: wait for the acks, not for quiet.
    private let shuttingDown = Mutex(false)

    init(id: Int) {
        self.id = id
    }

    func attach(_ outbound: WebSocketOutboundWriter) {
        writer.withLock { $0 = outbound }
    }

    var outbound: WebSocketOutboundWriter? { writer.withLock { $0 } }

    /// An envelope came in on this connection.
    func received(at instant: ContinuousClock.Instant) {
        lastArrival.withLock { $0 = max($0 ?? instant, instant) }
    }

    var latestArrival: ContinuousClock.Instant? { lastArrival.withLock { $0 } }

    /// Asks the connection to close: `shutdown` when Steward is stopping, else it is being replaced.
    func requestClose(shutdown: Bool) {
        if shutdown { shuttingDown.withLock { $0 = true } }
        // The replacement's hello is what asks for this close, and that same hello lets Slack
        // resume sending: the quiet period counts from here too, not only from the last envelope.
        lastArrival.withLock { $0 = max($0 ?? .now, .now) }
        closeRequested.ring()
    }

    var closingForShutdown: Bool { shuttingDown.withLock { $0 } }
}
