import Dispatch
import Foundation
import Logging
import ServiceLifecycle

/// Wakes the reconcile loop as soon as something under the desired-state directory changes,
/// so a merged PR or a CLI edit converges in moments instead of at the next interval. Uses
/// inotify on Linux; elsewhere, or if inotify can't be had, polls file times every second.
public final class DesiredStateWatcher: Service, Sendable {
    public let directory: String
    let pollInterval: Duration
    let logger: Logger
    let onChange: @Sendable ([String]) -> Void

    public init(
        directory: String, pollInterval: Duration = .seconds(1), logger: Logger = Logger(label: "steward.watch"),
        onChange: @escaping @Sendable (_ names: [String]) -> Void
    ) {
        self.directory = directory
        self.pollInterval = pollInterval
        self.logger = logger
        self.onChange = onChange
    }

    /// Our own store's lock files and temporary files are noise; everything else (including
    /// a ConfigMap's `..data` swap) may change what the store reads.
    static func isRelevant(_ name: String) -> Bool {
        !(name.hasPrefix(".") && (name.hasSuffix(".lock") || name.hasSuffix(".tmp")))
    }

    public func run() async throws {
        #if canImport(Glibc)
        do {
            let queue = DispatchQueue(label: "steward.watch")
            let logger = self.logger, onChange = self.onChange, directory = self.directory
            let watch = try InotifyWatch(directory: directory, queue: queue) { names, overflowOrGone in
                let relevant = names.filter(Self.isRelevant)
                if overflowOrGone {
                    logger.warning("desired-state watch overflowed or the directory moved; reconciling", metadata: ["directory": "\(directory)"])
                }
                if !relevant.isEmpty || overflowOrGone { onChange(relevant) }
            }
            logger.debug("watching desired state with inotify", metadata: ["directory": "\(directory)"])
            // Until shutdown or cancellation; either way the watch is released.
            try? await gracefulShutdown()
            watch.cancel()
            return
        } catch {
            logger.warning("\(error); polling every \(pollInterval) instead")
        }
        #endif
        try await poll()
    }

    private func poll() async throws {
        var last = DirectoryFingerprint(directory: directory)
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { [pollInterval] in try await Task.sleep(for: pollInterval) }
            } catch {
                return
            }
            let current = DirectoryFingerprint(directory: directory)
            if current != last {
                last = current
                onChange([])
            }
        }
    }
}
