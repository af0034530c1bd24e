import Foundation
import StewardCore

/// Answers already had, each until its expiry. Only `found` and `notFound` are stored: a
/// failure says nothing about the resource.
struct AttributionCache: Sendable {
    private var entries: [AttributionRequest: (result: AttributionResult, expires: Date)] = [:]
    /// Expired entries are dropped once the cache holds this many, so findings that went away
    /// don't pile up in a daemon that runs for months.
    private let sweepThreshold = 1024

    func result(for request: AttributionRequest, at now: Date) -> AttributionResult? {
        guard let entry = entries[request], entry.expires > now else { return nil }
        return entry.result
    }

    mutating func store(_ result: AttributionResult, for request: AttributionRequest, at now: Date, for ttl: TimeSpan) {
        if entries.count >= sweepThreshold {
            entries = entries.filter { $0.value.expires > now }
        }
        entries[request] = (result, now.addingTimeInterval(ttl.timeInterval))
    }
}
