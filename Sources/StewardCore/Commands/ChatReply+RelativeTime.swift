import Foundation

extension ChatReply {
    /// "in 6d 23h" or "2h 5m ago": the two largest units, rounded down, so a 7-day entry
    /// added a moment ago reads "in 6d 23h" rather than claiming a full week.
    static func relative(_ date: Date, from now: Date) -> String {
        let seconds = Int(date.timeIntervalSince(now).rounded(.towardZero))
        return seconds >= 0 ? "in " + spanText(seconds) : spanText(-seconds) + " ago"
    }

    static func spanText(_ seconds: Int) -> String {
        let units = [(86_400, "d"), (3600, "h"), (60, "m"), (1, "s")]
        var rest = seconds
        var parts: [String] = []
        for (size, suffix) in units where parts.count < 2 {
            let count = rest / size
            // Once a unit is shown, the next one is shown only if non-zero: "2h", not "2h 0m".
            if count > 0 {
                parts.append("\(count)\(suffix)")
                rest -= count * size
            } else if !parts.isEmpty {
                break
            }
        }
        return parts.isEmpty ? "0s" : parts.joined(separator: " ")
    }
}
