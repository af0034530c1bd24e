import Foundation

/// RFC 3339 timestamps as desired state writes them: UTC, whole seconds, `Z`.
public enum Timestamp {
    public static func text(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        // Hand-formatted: String(format:) costs microseconds per call on Linux, and a write
        // formats two timestamps per whitelist entry.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        func digits(_ value: Int, _ width: Int) {
            // Like %0*d: a minus sign counts toward the width.
            var width = width
            if value < 0 { bytes.append(UInt8(ascii: "-")); width -= 1 }
            let text = String(abs(value))
            for _ in text.utf8.count..<max(width, text.utf8.count) { bytes.append(UInt8(ascii: "0")) }
            bytes.append(contentsOf: text.utf8)
        }
        digits(year, 4); bytes.append(UInt8(ascii: "-"))
        digits(month, 2); bytes.append(UInt8(ascii: "-"))
        digits(day, 2); bytes.append(UInt8(ascii: "T"))
        digits(Int(secondOfDay / 3600), 2); bytes.append(UInt8(ascii: ":"))
        digits(Int(secondOfDay / 60 % 60), 2); bytes.append(UInt8(ascii: ":"))
        digits(Int(secondOfDay % 60), 2); bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`. A zone is required: a time without one
    /// means something different on every laptop that reads it.
    public static func parse(_ text: String) throws(TimestampError) -> Date {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 19,
              let year = number(0..<4), bytes[4] == UInt8(ascii: "-"),
              let month = number(5..<7), bytes[7] == UInt8(ascii: "-"),
              let day = number(8..<10), bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
              let hour = number(11..<13), bytes[13] == UInt8(ascii: ":"),
              let minute = number(14..<16), bytes[16] == UInt8(ascii: ":"),
              let second = number(17..<19)
        else { throw .malformed(text) }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { throw .outOfRange(text) }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { throw .malformed(text) }
        }
        guard index < bytes.count else { throw .missingZone(text) }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { throw .malformed(text) }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.count == index + 6, let zoneHours = number((index + 1)..<(index + 3)),
                  bytes[index + 3] == UInt8(ascii: ":"), let zoneMinutes = number((index + 4)..<(index + 6)),
                  zoneHours < 24, zoneMinutes < 60
            else { throw .malformed(text) }
            offset = (zoneHours * 3600 + zoneMinutes * 60) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            throw .malformed(text)
        }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days-from-civil: exact for the proleptic Gregorian calendar, no
    // Calendar/TimeZone (which are slow and locale-dependent) on the hot path of validation.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(daysSinceEpoch: Int64) -> (Int, Int, Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

public enum TimestampError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case outOfRange(String)
    case missingZone(String)

    public var description: String {
        switch self {
        case .malformed(let text): return "'\(text)' is not an RFC 3339 timestamp; expected e.g. 2026-11-27T10:00:00Z"
        case .outOfRange(let text): return "'\(text)' is not a real date and time"
        case .missingZone(let text): return "'\(text)' has no time zone; add Z for UTC, e.g. \(text)Z"
        }
    }
}
