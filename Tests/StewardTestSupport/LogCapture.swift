import Logging
import Synchronization

/// Keeps every line (level, label, message and metadata) that its loggers emit at every level,
/// so a test can prove what was logged — and that a secret never was.
public final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    public var all: [String] { lines.withLock { $0 } }
    public var text: String { all.joined(separator: "\n") }

    /// A logger at trace level whose every line lands here.
    public func logger(_ label: String = "test") -> Logger {
        var logger = Logger(label: label) { label in CapturingLogHandler(label: label, capture: self) }
        logger.logLevel = .trace
        return logger
    }
}
