/// How soon the loop looks again at something still moving in AWS, instead of sleeping a whole
/// interval: a tier transition backs off (databases take minutes), a bastion settles quickly.
public struct RecheckBackoff: Sendable, Hashable {
    /// The first recheck of a waiting tier, doubled on each further pass that still waits…
    public var firstTierRecheck: Double = 2
    /// …up to this.
    public var longestTierRecheck: Double = 60
    /// A pending or stopping bastion is looked at again this soon.
    public var bastionRecheck: Double = 2

    public init() {}

    /// Seconds until the next look after `streak` (1 or more) passes in a row that waited.
    public func tierDelay(streak: Int) -> Double {
        let doublings = max(0, streak - 1)
        // Beyond 2^6 the cap holds anyway; bounding the exponent keeps the arithmetic finite.
        return min(longestTierRecheck, firstTierRecheck * Double(1 << min(doublings, 6)))
    }
}
