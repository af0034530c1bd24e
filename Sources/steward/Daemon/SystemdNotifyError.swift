import Foundation

/// Why Steward could not talk to systemd's notify socket, and what to change.
enum SystemdNotifyError: Error, Equatable, CustomStringConvertible {
    case unsupportedAddress(String)
    case addressTooLong(String, limit: Int)
    case sendFailed(String, message: String, errno: Int32)
    case unsupportedPlatform

    var description: String {
        switch self {
        case .unsupportedAddress(let socket):
            return "NOTIFY_SOCKET '\(socket)' is neither a socket path nor an @abstract name; Steward speaks only AF_UNIX "
                + "notify sockets: run it under systemd with Type=notify, or unset NOTIFY_SOCKET"
        case .addressTooLong(let socket, let limit):
            return "NOTIFY_SOCKET '\(socket)' is longer than a Unix socket address can be (\(limit) bytes); "
                + "point it at a shorter path, or unset NOTIFY_SOCKET"
        case .sendFailed(let socket, let message, let code):
            return "could not send \(message) to the notify socket \(socket): \(String(cString: strerror(code))); "
                + "systemd will count Steward as not ready or hung: check NotifyAccess=main and that the socket still exists"
        case .unsupportedPlatform:
            return "systemd notification needs Linux; unset NOTIFY_SOCKET"
        }
    }
}
