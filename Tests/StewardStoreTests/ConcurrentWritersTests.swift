import Foundation
import StewardCore
import Testing
@testable import StewardStore

@Suite struct ConcurrentWritersTests {
    static let processes = 5
    static let writersPerProcess = 10
    static let writersInTestProcess = 10

    /// The stress helper, built with the tests (the test target depends on it) into the same
    /// products directory as the test bundle.
    static func helperURL() throws -> URL {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent()) }
        for directory in candidates {
            let url = directory.appendingPathComponent("steward-store-stress")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw StoreError.directoryUnreadable(path: candidates.map(\.path).joined(separator: ", "),
                                             reason: "steward-store-stress not found next to the test bundle")
    }

    @Test(.timeLimit(.minutes(2)))
    func writersInSeveralProcessesAndTasksNeverLoseAnEdit() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try directory.write("dev.yaml", YAMLDirectoryStoreTests.header + "environment: dev\ntier: running\nwhitelist: []\n")
        let helper = try Self.helperURL()

        var children: [Process] = []
        for index in 0..<Self.processes {
            let process = Process()
            process.executableURL = helper
            process.arguments = [directory.url.path, "dev", String(index + 1), String(Self.writersPerProcess)]
            try process.run()
            children.append(process)
        }
        // Writers in this process too, at the same time, through a second store instance.
        let store = YAMLDirectoryStore(directory: directory.url)
        let dev = try EnvironmentName("dev")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<Self.writersInTestProcess {
                group.addTask {
                    try await store.apply(.addWhitelistEntry(entry("10.200.\(writer).0/24", "in-process \(writer)")), to: dev, actor: "t", now: testNow)
                }
            }
            try await group.waitForAll()
        }
        for child in children {
            child.waitUntilExit()
            #expect(child.terminationStatus == 0)
        }

        let snapshot = try store.load(now: testNow)
        #expect(snapshot.isValid, "\(snapshot.allErrors)")
        let cidrs = Set(try #require(snapshot.environments[dev]).whitelist.map(\.cidr.description))
        var expected = Set((0..<Self.writersInTestProcess).map { "10.200.\($0).0/24" })
        for process in 1...Self.processes {
            for writer in 0..<Self.writersPerProcess { expected.insert("10.\(process).\(writer).0/24") }
        }
        #expect(expected.count == 60)
        #expect(cidrs == expected)
        #expect(String(decoding: try directory.read("dev.yaml"), as: UTF8.self).hasPrefix(YAMLDirectoryStoreTests.header))
    }
}
