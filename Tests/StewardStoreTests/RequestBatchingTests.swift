import Foundation
import StewardCore
import Synchronization
import Testing
@testable import StewardStore

/// Group commit: edits waiting for a file go into one write, loads waiting together share one read.
@Suite struct RequestBatchingTests {
    let dev = try! EnvironmentName("dev")

    @Test func aBatchAppliesEachEditInOrderAndARefusedOneFailsAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try directory.write("dev.yaml", YAMLDirectoryStoreTests.header + "environment: dev\ntier: running\nwhitelist: []\n")
        let store = YAMLDirectoryStore(directory: directory.url)
        let requests: [YAMLDirectoryStore.EditRequest] = [
            .init(edit: .addWhitelistEntry(entry("10.1.0.0/24")), now: testNow),
            .init(edit: .removeWhitelistEntry(try CIDR("10.9.9.0/24")), now: testNow),
            .init(edit: .addWhitelistEntry(entry("10.2.0.0/24")), now: testNow),
            .init(edit: .removeWhitelistEntry(try CIDR("10.1.0.0/24")), now: testNow),
        ]
        let outcomes = store.applyBlocking(requests, to: dev)
        #expect(try outcomes[0].get().whitelist.map(\.cidr.description) == ["10.1.0.0/24"])
        #expect(throws: DesiredStateEditError.entryNotFound(try CIDR("10.9.9.0/24"), environment: dev)) { try outcomes[1].get() }
        #expect(try outcomes[2].get().whitelist.map(\.cidr.description) == ["10.1.0.0/24", "10.2.0.0/24"])
        #expect(try outcomes[3].get().whitelist.map(\.cidr.description) == ["10.2.0.0/24"])
        let written = try #require(try store.load(now: testNow).environments[dev])
        #expect(written.whitelist.map(\.cidr.description) == ["10.2.0.0/24"])
        #expect(String(decoding: try directory.read("dev.yaml"), as: UTF8.self).hasPrefix(YAMLDirectoryStoreTests.header))
    }

    @Test func aBatchWhoseEditsAllFailDoesNotRewriteTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let original = YAMLDirectoryStoreTests.header + "environment: dev\ntier: running\nwhitelist: []  # hand-written\n"
        try directory.write("dev.yaml", original)
        let path = directory.url.appendingPathComponent("dev.yaml").path
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        let store = YAMLDirectoryStore(directory: directory.url)
        let outcomes = store.applyBlocking([
            .init(edit: .removeWhitelistEntry(try CIDR("10.9.9.0/24")), now: testNow),
            .init(edit: .dropBastionLease, now: testNow),
        ], to: dev)
        #expect(outcomes.allSatisfy { if case .failure = $0 { true } else { false } })
        #expect(String(decoding: try directory.read("dev.yaml"), as: UTF8.self) == original)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == inode)
    }

    /// While one write is in progress, fifty more edits arrive: they are written together, as
    /// the second batch, and each caller gets its own result.
    @Test(.timeLimit(.minutes(1)))
    func editsArrivingDuringAWriteGoIntoTheNextBatch() async throws {
        let (queued, queuedSink) = AsyncStream.makeStream(of: Int.self)
        let batcher = RequestBatcher<EnvironmentName, YAMLDirectoryStore.EditRequest, DesiredState>(onQueued: { _, waiting in queuedSink.yield(waiting) })
        let release = DispatchSemaphore(value: 0)
        let batchSizes = Mutex<[Int]>([])
        let writer: RequestBatcher<EnvironmentName, YAMLDirectoryStore.EditRequest, DesiredState>.Processor = { requests, environment in
            let first = batchSizes.withLock { sizes in
                sizes.append(requests.count)
                return sizes.count == 1
            }
            if first { release.wait() }
            return requests.map { request in
                guard case .addWhitelistEntry(let entry) = request.edit else { return .failure(DesiredStateEditError.unknownEnvironment(environment)) }
                return .success(DesiredState(environment: environment, tier: .running, whitelist: [entry]))
            }
        }
        let dev = dev
        try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask { try await batcher.submit(.init(edit: .addWhitelistEntry(entry("10.0.0.0/24")), now: testNow), for: dev, processor: writer).whitelist[0].cidr.description }
            // The first edit starts a batch of its own.
            var iterator = queued.makeAsyncIterator()
            #expect(await iterator.next() == 1)
            for index in 1...50 {
                group.addTask { try await batcher.submit(.init(edit: .addWhitelistEntry(entry("10.0.\(index).0/24")), now: testNow), for: dev, processor: writer).whitelist[0].cidr.description }
            }
            while let waiting = await iterator.next(), waiting < 50 {}
            release.signal()
            var results: Set<String> = []
            for try await cidr in group { results.insert(cidr) }
            #expect(results == Set((0...50).map { "10.0.\($0).0/24" }))
        }
        #expect(batchSizes.withLock { $0 } == [1, 50])
    }

    /// Loads asked for while one is running share the next one, which starts after they
    /// asked (so a caller never gets a read older than its request).
    @Test(.timeLimit(.minutes(1)))
    func loadsWaitingTogetherShareTheNextRead() async throws {
        let (queued, queuedSink) = AsyncStream.makeStream(of: Int.self)
        let batcher = RequestBatcher<Int, Void, Int>(onQueued: { _, waiting in queuedSink.yield(waiting) })
        let release = DispatchSemaphore(value: 0)
        let reads = Mutex(0)
        let read: RequestBatcher<Int, Void, Int>.Processor = { requests, _ in
            let number = reads.withLock { reads in
                reads += 1
                return reads
            }
            if number == 1 { release.wait() }
            return requests.map { _ in .success(number) }
        }
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask { try await batcher.submit((), for: 0, processor: read) }
            var iterator = queued.makeAsyncIterator()
            #expect(await iterator.next() == 1)
            for _ in 0..<20 { group.addTask { try await batcher.submit((), for: 0, processor: read) } }
            while let waiting = await iterator.next(), waiting < 20 {}
            release.signal()
            var seen: [Int: Int] = [:]
            for try await number in group { seen[number, default: 0] += 1 }
            #expect(seen == [1: 1, 2: 20])
        }
        #expect(reads.withLock { $0 } == 2)
    }

    /// Three hundred edits at once through the store: every one is kept.
    @Test(.timeLimit(.minutes(1)))
    func manyConcurrentEditsAreAllKept() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try directory.write("dev.yaml", YAMLDirectoryStoreTests.header + "environment: dev\ntier: running\nwhitelist: []\n")
        let store = YAMLDirectoryStore(directory: directory.url)
        let dev = dev
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<300 {
                group.addTask {
                    try await store.apply(.addWhitelistEntry(entry("10.\(index / 256).\(index % 256).0/24")), to: dev, actor: "t", now: testNow)
                }
            }
            try await group.waitForAll()
        }
        // Through the shared load too: it starts after the edits returned, so it sees them all.
        let written = try #require(try await store.load().environments[dev])
        #expect(written.whitelist.count == 300)
    }
}
