import Synchronization

/// Shares the mutable log between the accept loop (created before the server object) and
/// the server object.
final class StateBox: Sendable {
    let state = Mutex(LocalHTTPServer.State())
}
