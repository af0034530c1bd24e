import Foundation

/// Bounds how many heavy test peers (moto servers, with the Steward processes that talk to
/// them) run at once in the test process. Swift Testing runs suites in parallel; on a 2-core
/// CI machine a dozen moto servers at once starve each other until timing assertions (expiry
/// within 2 s) and request timeouts fail. `STEWARD_TEST_PARALLEL_PEERS` sets the bound
/// (default 2).
public actor TestSlots {
    public static let peers = TestSlots(limit: Int(ProcessInfo.processInfo.environment["STEWARD_TEST_PARALLEL_PEERS"] ?? "") ?? 2)

    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        available = max(1, limit)
    }

    public func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    public func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
