#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// TCP ports on 127.0.0.1 for peers that cannot report the port they picked (moto_server has
/// no `-p 0`), and for an endpoint that must stay unreachable for a whole test.
///
/// Ports are handed out from a range *below* the kernel's ephemeral range, walking a counter
/// shared by the whole test process. Binding port 0 instead would pick from the ephemeral
/// range, which every `listen 0`, emulator and outgoing connection in the parallel suites also
/// draws from: a port found free and closed could be taken again before moto bound it, or be
/// bound by another suite's moto while a test counted on it being dead (both seen in CI).
public enum FreePort {
    /// A port that was free a moment ago and that this process will not hand out again.
    public static func find() throws -> Int {
        let reservation = try reserve()
        let port = reservation.port
        reservation.release()
        return port
    }

    /// A port held bound but not listening until `release()`: connecting to it is refused, and
    /// no other socket can take it meanwhile, so an endpoint on it is dead for as long as the
    /// test keeps the reservation.
    public static func reserve() throws -> Reservation {
        let range = candidateRange
        for _ in 0..<range.count {
            let offset = cursor.add(1, ordering: .relaxed).oldValue
            let port = range.lowerBound + (offset % range.count)
            if let reservation = reserve(port: port) { return reservation }
        }
        throw MotoServerError.noFreePort
    }

    /// `port` itself, held as `reserve()` holds one; `nil` when something else has it bound.
    public static func reserve(port: Int) -> Reservation? {
        bindWithoutListening(port: port).map { Reservation(port: port, descriptor: $0) }
    }

    /// A bound, non-listening socket on `port`.
    public final class Reservation: Sendable {
        public let port: Int
        private let descriptor: Mutex<Int32?>

        fileprivate init(port: Int, descriptor: Int32) {
            self.port = port
            self.descriptor = Mutex(descriptor)
        }

        public func release() {
            descriptor.withLock { fd in
                if let open = fd { close(open) }
                fd = nil
            }
        }

        deinit { release() }
    }

    /// Starts at a per-process offset so that two test processes on one machine (a developer's
    /// run beside CI) seldom walk the same ports in step.
    private static let cursor = Atomic<Int>(Int(getpid()) &* 7919 % 4096)

    /// Below the ephemeral range, or a fixed band when that range starts too low to leave room.
    private static let candidateRange: Range<Int> = {
        let fallback = 20_000..<30_000
        guard let text = try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8),
              let low = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.flatMap({ Int($0) }),
              low >= 12_000
        else { return fallback }
        return (low - 10_000)..<low
    }()

    private static func bindWithoutListening(port: Int) -> Int32? {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(fd)
            return nil
        }
        return fd
    }
}
