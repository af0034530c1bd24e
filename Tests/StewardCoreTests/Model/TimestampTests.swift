import Foundation
import PropertyBased
import StewardCore
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-11-27T10:00:00Z", 1_795_773_600.0),
        ("2026-11-27T11:00:00+01:00", 1_795_773_600.0),
        ("2026-11-27T05:30:00-04:30", 1_795_773_600.0),
        ("1970-01-01T00:00:00Z", 0.0),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("2026-11-27T10:00:00.250Z", 1_795_773_600.25),
    ])
    func parses(text: String, epoch: Double) throws {
        #expect(try Timestamp.parse(text).timeIntervalSince1970 == epoch)
    }

    @Test(arguments: [
        ("2026-11-27T10:00:00", TimestampError.missingZone("2026-11-27T10:00:00")),
        ("2026-11-27", TimestampError.malformed("2026-11-27")),
        ("2026-02-30T10:00:00Z", TimestampError.outOfRange("2026-02-30T10:00:00Z")),
        ("2026-11-27T24:00:00Z", TimestampError.outOfRange("2026-11-27T24:00:00Z")),
        ("2026-11-27T10:00:00+0100", TimestampError.malformed("2026-11-27T10:00:00+0100")),
        ("tomorrow", TimestampError.malformed("tomorrow")),
    ])
    func refuses(text: String, error: TimestampError) {
        #expect(throws: error) { try Timestamp.parse(text) }
    }

    @Test func missingZoneMessageSaysWhatToDo() {
        #expect(TimestampError.missingZone("2026-11-27T10:00:00").description.contains("add Z for UTC"))
    }

    @Test func printThenParseRoundTrips() async {
        await propertyCheck(count: 300, input: Gen.int64(in: -2_000_000_000...8_000_000_000)) { seconds in
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect((try? Timestamp.parse(Timestamp.text(date))) == date)
        }
    }

    @Test func matchesFoundationsFormatter() async {
        let formatter = ISO8601DateFormatter()
        await propertyCheck(count: 300, input: Gen.int64(in: 0...4_000_000_000)) { seconds in
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(Timestamp.text(date) == formatter.string(from: date))
        }
    }
}
