#if canImport(Glibc)
import Glibc
#endif
import Foundation
import StewardCore
import Synchronization

/// What systemd listens on for a `Type=notify` service: an AF_UNIX datagram socket bound to a
/// path, here in the test's directory. A reader thread keeps every datagram with its arrival
/// time; tests await what they expect (bounded), never sleep for it. Always `close()` it.
final class FakeNotifySocket: Sendable {
    struct Datagram: Sendable {
        let text: String
        let arrived: ContinuousClock.Instant
        /// `KEY=value` lines, as sd_notify sends them.
        var assignments: [String] { text.split(separator: "\n").map(String.init) }
    }

    let path: String
    private let received: Received

    private init(path: String, received: Received) {
        self.path = path
        self.received = received
    }

    static func bind(in directory: URL) throws -> FakeNotifySocket {
        let path = directory.appendingPathComponent("notify.sock").path
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw FakeNotifySocketError.failed("socket", errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8) + [0]
        guard bytes.count <= MemoryLayout.size(ofValue: address.sun_path) else {
            Glibc.close(descriptor)
            throw FakeNotifySocketError.pathTooLong(path)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        // A short receive timeout lets the reader notice `close()` within 100 ms.
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        let timed = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard bound == 0, timed == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw FakeNotifySocketError.failed("bind \(path)", code)
        }
        let received = Received(descriptor: descriptor)
        Thread { [received] in received.readUntilClosed() }.start()
        return FakeNotifySocket(path: path, received: received)
    }

    var datagrams: [Datagram] { received.datagrams.withLock { $0 } }

    /// Datagrams carrying `assignment` (`READY=1`) as one of their lines.
    func datagrams(with assignment: String) -> [Datagram] {
        datagrams.filter { $0.assignments.contains(assignment) }
    }

    /// Waits until `probe` returns a value for the datagrams so far; nil after `timeout`.
    func waitUntil<T: Sendable>(timeout: Duration, _ probe: @escaping @Sendable ([Datagram]) -> T?) async -> T? {
        let deadline = ContinuousClock.now + timeout
        while true {
            received.arrival.consume()
            if let found = probe(datagrams) { return found }
            guard ContinuousClock.now < deadline else { return nil }
            await withTaskGroup(of: Void.self) { group in
                group.addTask { [received] in await received.arrival.wait() }
                group.addTask { try? await Task.sleep(until: deadline) }
                await group.next()
                group.cancelAll()
            }
        }
    }

    /// Stops the reader (it exits within its 100 ms receive timeout), then closes the socket.
    func close() async {
        received.stop.withLock { $0 = true }
        await received.finished.wait()
        Glibc.close(received.descriptor)
        try? FileManager.default.removeItem(atPath: path)
    }

    private final class Received: Sendable {
        let descriptor: Int32
        let datagrams = Mutex<[Datagram]>([])
        let arrival = WakeSignal()
        let stop = Mutex(false)
        let finished = WakeSignal()

        init(descriptor: Int32) { self.descriptor = descriptor }

        func readUntilClosed() {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !stop.withLock({ $0 }) {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                guard count > 0 else { continue }  // timeout (EAGAIN) or EINTR: look at `stop` again
                let datagram = Datagram(text: String(decoding: buffer.prefix(count), as: UTF8.self), arrived: .now)
                datagrams.withLock { $0.append(datagram) }
                arrival.ring()
            }
            finished.ring()
        }
    }
}

enum FakeNotifySocketError: Error, CustomStringConvertible {
    case failed(String, Int32)
    case pathTooLong(String)

    var description: String {
        switch self {
        case .failed(let call, let code): return "fake notify socket: \(call) failed: \(String(cString: strerror(code)))"
        case .pathTooLong(let path): return "fake notify socket: \(path) is too long for a Unix socket address; use a shorter temporary directory"
        }
    }
}
