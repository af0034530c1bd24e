import AsyncHTTPClient
import Foundation
import StewardTestSupport
import Testing

/// The harness's port promises, which the moto suites and the "AWS unreachable" tests rest on:
/// ports are never handed out twice in one process, and a reserved port refuses connections
/// and cannot be taken by anyone else until released.
@Suite struct FreePortTests {
    @Test func portsAreNotHandedOutTwiceAndStayOutOfTheEphemeralRange() throws {
        let ephemeralLowerBound = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8))
            .flatMap { $0.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } } ?? 32_768
        var seen: Set<Int> = []
        for _ in 0..<200 {
            let port = try FreePort.find()
            #expect(seen.insert(port).inserted, "port \(port) handed out twice")
            #expect(port < ephemeralLowerBound, "port \(port) is in the ephemeral range")
        }
    }

    @Test func aReservedPortRefusesConnectionsAndCannotBeTakenUntilReleased() async throws {
        let reservation = try FreePort.reserve()
        await #expect(throws: (any Error).self, "a connection to a reserved port was accepted") {
            _ = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(reservation.port)/"), timeout: .seconds(5))
        }
        #expect(FreePort.reserve(port: reservation.port) == nil, "a reserved port was bound a second time")
        reservation.release()
        let again = FreePort.reserve(port: reservation.port)
        #expect(again != nil, "a released port stayed taken")
        again?.release()
    }
}
