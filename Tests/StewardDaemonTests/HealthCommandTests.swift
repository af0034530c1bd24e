import Testing
@testable import steward

/// Which URL `steward health` asks when given none: the configured listen address, a wildcard
/// bind reached on the loopback of its family.
@Suite struct HealthCommandTests {
    @Test(arguments: [
        ("127.0.0.1:9090", "http://127.0.0.1:9090/healthz"),
        ("0.0.0.0:9090", "http://127.0.0.1:9090/healthz"),
        ("[::]:9091", "http://[::1]:9091/healthz"),
        ("[::1]:9092", "http://[::1]:9092/healthz"),
        ("localhost:8080", "http://localhost:8080/healthz"),
    ])
    func defaultURLFromTheListenAddress(listen: String, expected: String) throws {
        #expect(try HealthCommand.defaultURL(listen: listen) == expected)
    }

    @Test func portZeroOrGarbageNeedsAnExplicitURL() {
        #expect(throws: CommandFailure.self) { try HealthCommand.defaultURL(listen: "127.0.0.1:0") }
        #expect(throws: CommandFailure.self) { try HealthCommand.defaultURL(listen: "nonsense") }
    }
}
