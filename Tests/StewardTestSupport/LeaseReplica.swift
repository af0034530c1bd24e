import Foundation

/// One `steward run` replica of an `ha:` test: its process, its own counting proxy to moto
/// (so each estate write is attributed to the replica that sent it), its name.
public final class LeaseReplica: @unchecked Sendable {
    // @unchecked: set up once by the test's task, read by it afterwards.

    /// What a replica's /readyz says.
    public struct Role: Decodable, Equatable, Sendable {
        public var role: String
        public var leader: String?
        public var epoch: Int

        public init(role: String, leader: String?, epoch: Int) {
            self.role = role
            self.leader = leader
            self.epoch = epoch
        }
    }

    public let name: String
    public let proxy: CountingMotoProxy
    public let server: LocalHTTPServer
    public var daemon: RunDaemonProcess?
    public var base: String?

    public init(name: String, proxy: CountingMotoProxy, server: LocalHTTPServer) {
        self.name = name
        self.proxy = proxy
        self.server = server
    }

    public func role() async -> Role? {
        guard let base, let answer = try? await RunDaemonHTTP.get(base + "/readyz") else { return nil }
        return try? JSONDecoder().decode(Role.self, from: Data(answer.body.utf8))
    }
}
