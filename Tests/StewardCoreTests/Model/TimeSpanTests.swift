import StewardCore
import Testing

@Suite struct TimeSpanTests {
    @Test(arguments: [
        ("30m", 1800), ("3h", 10_800), ("7d", 604_800), ("2w", 1_209_600), ("1d12h", 129_600), ("90s", 90), ("7D", 604_800),
    ])
    func parses(text: String, seconds: Int) throws {
        #expect(try TimeSpan(parsing: text).seconds == seconds)
    }

    @Test(arguments: ["", "7", "d", "7x", "-1d", "1.5h", "0d", " 7d", "9999999d"])
    func refuses(text: String) {
        #expect(throws: TimeSpanError.self) { try TimeSpan(parsing: text) }
    }

    @Test(arguments: [(604_800, "7d"), (129_600, "1d12h"), (5400, "1h30m"), (0, "0s"), (61, "1m1s")])
    func printsLargestUnitsFirst(seconds: Int, text: String) {
        #expect(TimeSpan(seconds: seconds).description == text)
    }
}
