import Foundation

/// Lines for whoever started the daemon (tests, benchmarks, an operator), on stdout and
/// flushed at once: stdout to a pipe or file is block-buffered and would hold them back.
/// Logs go to stderr; these few lines are the daemon's machine-readable contract.
enum DaemonOutput {
    static func line(_ text: String) {
        print(text)
        // nil flushes every stream; naming `stdout` trips strict concurrency (a C global).
        fflush(nil)
    }
}
