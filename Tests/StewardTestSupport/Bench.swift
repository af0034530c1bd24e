/// Small helpers the benchmark executables share.
public enum Bench {
    public static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }

    public static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
