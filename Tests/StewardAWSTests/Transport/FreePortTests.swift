#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StewardTestSupport
import Testing

/// The harness's port promises, which the moto suites and the "AWS unreachable" tests rest on:
/// ports are never handed out twice in one process, and a reserved port refuses connections
/// and cannot be taken by anyone else until released.
@Suite struct FreePortTests {
    @Test func portsAreNotHandedOutTwiceAndStayOutOfTheEphemeralRange() throws {
        var seen: Set<Int> = []
        for _ in 0..<200 {
            let port = try FreePort.find()
            #expect(seen.insert(port).inserted, "port \(port) handed out twice")
            #expect(port < ephemeralLowerBound(), "port \(port) is in the ephemeral range")
        }
    }

    @Test func aReservedPortRefusesConnectionsAndCannotBeTakenUntilReleased() throws {
        let reservation = try FreePort.reserve()
        #expect(connect(to: reservation.port) == ECONNREFUSED)
        #expect(bindFails(reservation.port))
        reservation.release()
        #expect(!bindFails(reservation.port))
    }

    private func ephemeralLowerBound() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8) else { return 32_768 }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.flatMap { Int($0) } ?? 32_768
    }

    private func socketAddress(_ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func newSocket() -> Int32 {
        #if canImport(Glibc)
        socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket(AF_INET, SOCK_STREAM, 0)
        #endif
    }

    /// errno of a blocking connect, or 0 when it connected.
    private func connect(to port: Int) -> Int32 {
        let fd = newSocket()
        defer { close(fd) }
        var address = socketAddress(port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
                #if canImport(Glibc)
                Glibc.connect(fd, sockaddr, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Darwin.connect(fd, sockaddr, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        return result == 0 ? 0 : errno
    }

    private func bindFails(_ port: Int) -> Bool {
        let fd = newSocket()
        defer { close(fd) }
        var address = socketAddress(port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } != 0
    }
}
