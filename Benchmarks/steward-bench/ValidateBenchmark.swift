import Foundation
import StewardCore
import StewardStore

/// Validate a 10,000-entry desired-state file: read, parse, check every rule, from bytes.
enum ValidateBenchmark {
    static func run(runs: Int) {
        let now = Date(timeIntervalSince1970: 1_795_773_600)
        var state = DesiredState(environment: try! EnvironmentName("bench"))
        for index in 0..<10_000 {
            let cidr = CIDR(family: .ipv4, high: 0, low: UInt64(0x6440_0000) + UInt64(index) << 8, maskingTo: 24)
            state.whitelist.append(WhitelistEntry(
                cidr: cidr, description: "office of user \(index) (VPN)", addedBy: "user\(index)",
                addedAt: now.addingTimeInterval(-86_400), expiresAt: now.addingTimeInterval(Double(index % 80) * 86_400 - 43_200)
            ))
        }
        let text = DesiredStateEncoder().encode(state, header: "# benchmark file\n")
        let bytes = Array(text.utf8)
        // 10,000 canonical entries are ~1.6 MB, past the 1 MiB file limit (which holds ~6,500):
        // the limit is lifted here to time the validator itself on the size the issue names.
        let decoder = DesiredStateDecoder(maximumFileSize: 4 << 20)
        var errors = 0
        var warnings = 0
        let timing = Measure.milliseconds(runs: runs) {
            let result = decoder.decode(bytes, path: "desired-state/bench.yaml", policy: .default, now: now)
            errors = result.diagnostics.filter { $0.severity == .error }.count
            warnings = result.diagnostics.filter { $0.severity == .warning }.count
        }
        print("validate: 10000-entry file (\(bytes.count / 1024) KiB): median \(Measure.format(timing.median)) ms "
            + "(min \(Measure.format(timing.min)), max \(Measure.format(timing.max)), \(runs) runs); "
            + "\(errors) errors, \(warnings) expired-entry warnings")
        if errors > 0 {
            let first = decoder.decode(bytes, path: "desired-state/bench.yaml", policy: .default, now: now).errors.prefix(3)
            fatalError("the benchmark file must be valid: \(first)")
        }
    }
}
