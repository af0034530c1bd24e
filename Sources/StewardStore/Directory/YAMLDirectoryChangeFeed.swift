import Dispatch
import Foundation
import Logging
import StewardCore

/// The YAML store's change feed: anything changing under the desired-state directory wakes
/// the loop, so a merged PR or a CLI edit converges in moments instead of at the next
/// interval. inotify on Linux; elsewhere, or if inotify can't be had, file times polled.
public struct YAMLDirectoryChangeFeed: DesiredStateChangeFeed {
    public let directory: String
    let pollInterval: Duration
    let logger: Logger

    public init(directory: String, pollInterval: Duration = .seconds(1), logger: Logger = Logger(label: "steward.watch")) {
        self.directory = directory
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Our own store's lock files and temporary files are noise; everything else (including
    /// a ConfigMap's `..data` swap) may change what the store reads.
    static func isRelevant(_ name: String) -> Bool {
        !(name.hasPrefix(".") && (name.hasSuffix(".lock") || name.hasSuffix(".tmp")))
    }

    public func run(onChange: @escaping @Sendable (DesiredStateChange) -> Void) async throws {
        #if canImport(Glibc)
        do {
            let queue = DispatchQueue(label: "steward.watch")
            let logger = self.logger, directory = self.directory
            let watch = try InotifyWatch(directory: directory, queue: queue) { names, overflowOrGone in
                let relevant = names.filter(Self.isRelevant)
                if overflowOrGone {
                    logger.warning("desired-state watch overflowed or the directory moved; reconciling", metadata: ["directory": "\(directory)"])
                }
                if !relevant.isEmpty || overflowOrGone { onChange(Self.change(relevant)) }
            }
            logger.debug("watching desired state with inotify", metadata: ["directory": "\(directory)"])
            await Self.untilCancelled()
            watch.cancel()
            return
        } catch {
            logger.warning("\(error); polling every \(pollInterval) instead")
        }
        #endif
        try await poll(onChange)
    }

    private func poll(_ onChange: @Sendable (DesiredStateChange) -> Void) async throws {
        var last = DirectoryFingerprint(directory: directory)
        while !Task.isCancelled {
            do { try await Task.sleep(for: pollInterval) } catch { return }
            let current = DirectoryFingerprint(directory: directory)
            if current != last {
                last = current
                onChange(Self.change([]))
            }
        }
    }

    /// `dev.yaml` names environment dev; other names (a ConfigMap swap) name none.
    static func change(_ names: [String]) -> DesiredStateChange {
        let environments = names.compactMap { name in name.hasSuffix(".yaml") ? try? EnvironmentName(String(name.dropLast(5))) : nil }
        return DesiredStateChange(environments: environments, detail: names.isEmpty ? "desired state changed" : "changed: \(names.joined(separator: ", "))")
    }

    private static func untilCancelled() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
    }
}
