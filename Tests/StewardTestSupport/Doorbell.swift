/// An event a test can await with a deadline instead of sleeping: `ring()` from any thread,
/// `wait(timeout:)` returns at the first ring (true) or when the deadline passes (false).
public final class Doorbell: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    public func ring() {
        continuation.yield()
    }

    @discardableResult
    public func wait(timeout: Duration) async -> Bool {
        let stream = self.stream
        return await answer(within: timeout) {
            for await _ in stream { return true }
            return false
        }
    }
}
