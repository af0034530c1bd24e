import Foundation

/// When the daemon's next drift digest is due. With `at`, digests fall on that UTC time of day
/// and every `every` after it (a 24h digest at 09:00 every day at 09:00); without it, the first
/// follows the first complete pass and the rest come `every` apart.
public struct DriftDigestSchedule: Sendable, Hashable {
    public var settings: DriftReportSettings

    public init(settings: DriftReportSettings) {
        self.settings = settings
    }

    /// When the next digest is due: after the last one posted (nil: none yet since `start`, the
    /// daemon's start). nil while it waits on the first complete pass.
    public func next(after last: Date?, start: Date, firstCompletePass: Date?) -> Date? {
        let every = TimeInterval(max(10, settings.every.seconds))
        if let at = settings.at {
            let reference = last ?? start
            let anchor = (reference.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400 + TimeInterval(at.secondsIntoDay)
            // Slots are `every` apart through the day's anchor; the first one after the reference.
            let steps = ((reference.timeIntervalSince1970 - anchor) / every).rounded(.down) + 1
            return Date(timeIntervalSince1970: anchor + steps * every)
        }
        if let last { return last.addingTimeInterval(every) }
        return firstCompletePass
    }
}
