import Foundation

enum Measure {
    /// Wall time of `body` in milliseconds, median and spread over `runs`.
    static func milliseconds(runs: Int, _ body: () -> Void) -> (median: Double, min: Double, max: Double) {
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        samples.sort()
        return (samples[samples.count / 2], samples.first ?? 0, samples.last ?? 0)
    }

    /// Peak resident set size of this process so far (VmHWM), in MiB.
    static func peakResidentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? -1
            return digits / 1024
        }
        return -1
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
