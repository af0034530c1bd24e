#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A datagram socket in the abstract namespace (`NOTIFY_SOCKET=@name`), standing in for systemd
/// in unit tests. A Unix datagram is queued at the receiver before `sendto` returns, so
/// `drain()` reads what was sent without waiting. Always `close()` it.
struct AbstractNotifyReceiver {
    let name: String
    private let descriptor: Int32

    /// The value to give `NOTIFY_SOCKET`.
    var notifySocket: String { "@" + name }

    init(prefix: String) throws {
        name = "\(prefix)-\(UUID().uuidString.prefix(8))"
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = [UInt8(0)] + Array(name.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(2 + bytes.count)) }
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
    }

    /// Every datagram queued so far (at most 100), oldest first.
    func drain() -> [String] {
        var received: [String] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while received.count < 100 {
            let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard count > 0 else { break }
            received.append(String(decoding: buffer.prefix(count), as: UTF8.self))
        }
        return received
    }

    func close() {
        Glibc.close(descriptor)
    }
}
