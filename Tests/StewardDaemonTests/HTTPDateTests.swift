import Foundation
import Testing
@testable import steward

/// The daemon writes its own `Date` header (no Calendar, no ICU data): RFC 9110's IMF-fixdate.
@Suite struct HTTPDateTests {
    @Test(arguments: [
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),  // RFC 9110 §5.6.7's own example
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_798_761_599, "Thu, 31 Dec 2026 23:59:59 GMT"),
    ])
    func formatsAsIMFFixdate(seconds: Int, expected: String) {
        #expect(HTTPDate.string(from: time_t(seconds)) == expected)
    }

    @Test func agreesWithFoundationsFormatterOverAYear() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        for seconds in stride(from: 1_767_225_600, to: 1_798_761_600, by: 86_400 + 3_607) {
            #expect(HTTPDate.string(from: time_t(seconds)) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }
}
