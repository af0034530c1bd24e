#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// sd_notify(3) spoken directly on the datagram socket systemd names in `NOTIFY_SOCKET`, with
/// no libsystemd: the static, non-PIE build links nothing beyond glibc, and the protocol is
/// one `sendto` of `KEY=value` lines. Opens a socket per message, as sd_notify does: messages
/// are a few a minute, and nothing stays open for the hardening to account for.
struct SystemdNotifier: Sendable {
    /// As systemd gave it: a path, or `@name` in the abstract namespace.
    let socket: String
    /// `WatchdogSec=` when systemd watches this very process; nil when it doesn't.
    let watchdog: Duration?
    /// `sun_path`'s bytes: the path and its NUL, or a NUL and the abstract name.
    let addressBytes: [UInt8]

    /// nil unless started by a service manager that listens (`Type=notify`).
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                processID: Int32 = getpid()) throws(SystemdNotifyError) -> SystemdNotifier? {
        guard let socket = environment["NOTIFY_SOCKET"], !socket.isEmpty else { return nil }
        let bytes: [UInt8]
        if socket.hasPrefix("/") {
            bytes = Array(socket.utf8) + [0]
        } else if socket.hasPrefix("@") {
            bytes = [0] + Array(socket.utf8.dropFirst())
        } else {
            throw .unsupportedAddress(socket)
        }
        guard bytes.count <= pathCapacity else { throw .addressTooLong(socket, limit: pathCapacity) }
        return SystemdNotifier(socket: socket, watchdog: watchdog(environment, processID: processID), addressBytes: bytes)
    }

    /// sd_watchdog_enabled(3)'s rule: `WATCHDOG_USEC` counts only when `WATCHDOG_PID` is unset
    /// or names this process (a child that inherited the variables must not ping for its parent).
    private static func watchdog(_ environment: [String: String], processID: Int32) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = Int64(text), microseconds > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], !pid.isEmpty, Int32(pid) != processID { return nil }
        return .microseconds(microseconds)
    }

    /// Sends `assignments` (`READY=1`, `STATUS=…`) as one datagram, one per line.
    func send(_ assignments: [String]) throws(SystemdNotifyError) {
        #if canImport(Glibc)
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .sendFailed(socket, message: assignments.first ?? "", errno: errno) }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { path in
            path.copyBytes(from: addressBytes)
        }
        // Abstract names are exactly their bytes (a trailing NUL would be part of the name).
        let length = socklen_t(Self.pathOffset + addressBytes.count)
        let payload = Array(assignments.joined(separator: "\n").utf8)
        let sent = payload.withUnsafeBytes { bytes in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), $0, length)
                }
            }
        }
        guard sent == payload.count else { throw .sendFailed(socket, message: assignments.first ?? "", errno: errno) }
        #else
        throw .unsupportedPlatform
        #endif
    }

    #if canImport(Glibc)
    private static let pathCapacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)
    private static let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? MemoryLayout<sa_family_t>.size
    #else
    private static let pathCapacity = 104
    private static let pathOffset = 2
    #endif
}
