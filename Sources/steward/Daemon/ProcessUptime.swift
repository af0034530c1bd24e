import Foundation

/// Time since this process started, for the "first reconcile completed" line the tests and
/// the benchmark read. On Linux it counts from the kernel's record of the process start (so
/// runtime loading is included); elsewhere from the first time this type is touched.
enum ProcessUptime {
    private static let fallbackStart = ContinuousClock.now

    /// Touch early in `main` so the fallback starts as close to launch as possible.
    static func mark() { _ = fallbackStart }

    static var elapsed: Duration {
        #if os(Linux)
        if let linux = linuxElapsed() { return linux }
        #endif
        return ContinuousClock.now - fallbackStart
    }

    #if os(Linux)
    /// `/proc/self/stat` field 22 is the start time in clock ticks since boot, on the same
    /// clock as CLOCK_BOOTTIME. Resolution is one tick (10 ms on most kernels).
    private static func linuxElapsed() -> Duration? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name start at field 3 (state).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        let hertz = Double(sysconf(Int32(_SC_CLK_TCK)))
        var now = timespec()
        guard hertz > 0, clock_gettime(CLOCK_BOOTTIME, &now) == 0 else { return nil }
        let seconds = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 - ticks / hertz
        return .milliseconds(Int64(max(0, seconds) * 1000))
    }
    #endif
}
