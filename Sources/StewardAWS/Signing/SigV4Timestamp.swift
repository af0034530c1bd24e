import Foundation

/// The two UTC renderings SigV4 needs (`20150830T123600Z` and `20150830`). Computed by hand
/// rather than with a DateFormatter: it runs on every request, and formatters are slow and
/// locale-sensitive.
struct SigV4Timestamp: Sendable {
    let dateTime: String
    let date: String

    init(_ instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        // Digits are written into one buffer: `date` is its first eight bytes.
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        Self.append(year, width: 4, to: &digits)
        Self.append(month, width: 2, to: &digits)
        Self.append(day, width: 2, to: &digits)
        digits.append(UInt8(ascii: "T"))
        Self.append(secondOfDay / 3600, width: 2, to: &digits)
        Self.append(secondOfDay % 3600 / 60, width: 2, to: &digits)
        Self.append(secondOfDay % 60, width: 2, to: &digits)
        digits.append(UInt8(ascii: "Z"))
        self.dateTime = String(decoding: digits, as: UTF8.self)
        self.date = String(decoding: digits[..<(digits.count - 8)], as: UTF8.self)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Zero-padded to `width`; wider values (a year past 9999) keep all their digits.
    private static func append(_ value: Int, width: Int, to out: inout [UInt8]) {
        guard value >= 0 else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while value / divisor >= 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(truncatingIfNeeded: 48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
