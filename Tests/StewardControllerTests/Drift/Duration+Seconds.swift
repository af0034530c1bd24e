import Foundation

extension Duration {
    /// For moving a `Date` by a `Duration`.
    var seconds: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
