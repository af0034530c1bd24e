import ArgumentParser
import Foundation
import Logging

/// `steward run --log-format`: JSON lines for a log platform, or swift-log's text for a person
/// at a terminal.
enum LogFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case json
    case text

    /// JSON unless stderr is a terminal: under systemd, ECS or a pipe the reader is a program.
    static var standard: LogFormat { isatty(2) == 1 ? .text : .json }

    /// Installs this format as the process's logging backend (once per process).
    func bootstrap(level: Logger.Level) {
        switch self {
        case .json:
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, logLevel: level) }
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
