import Foundation
import Logging
import Synchronization
import Testing
@testable import steward

/// The JSON log line: fixed fields, metadata nested faithfully, escaping that survives any
/// message, one line per event.
@Suite struct JSONLogTests {
    private func parse(_ line: String) throws -> [String: Any] {
        #expect(line.hasSuffix("\n") && line.dropLast().firstIndex(of: "\n") == nil, "not one line: \(line)")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func carriesTheFieldsAndNestsMetadata() throws {
        let line = JSONLogLine.render(timestamp: "2026-11-27T10:00:00.123Z", level: .warning, label: "steward.loop", message: "reconcile finished",
                                      metadata: ["applied": "3", "groups": ["sg-1", "sg-2"], "plan": ["dev": ["revokes": "1"]], "count": .stringConvertible(42)])
        #expect(line.hasPrefix(#"{"timestamp":"2026-11-27T10:00:00.123Z","level":"warning","logger":"steward.loop","message":"reconcile finished","#))
        let object = try parse(line)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["applied"] as? String == "3")
        #expect(metadata["groups"] as? [String] == ["sg-1", "sg-2"])
        #expect((metadata["plan"] as? [String: [String: String]])?["dev"]?["revokes"] == "1")
        #expect(metadata["count"] as? String == "42")
    }

    @Test(arguments: ["quote \" backslash \\ slash /", "new\nline\r\ttab", "bell \u{07} nul \u{00} del \u{7F}", "é 漢字 🚀", "sep \u{2028} \u{2029}", ""])
    func escapesAnyTextSoItParsesBackUnchanged(text: String) throws {
        let line = JSONLogLine.render(timestamp: "t", level: .info, label: text, message: text, metadata: [text: .string(text)])
        let object = try parse(line)
        #expect(object["message"] as? String == text)
        #expect(object["logger"] as? String == text)
        #expect((object["metadata"] as? [String: String])?[text] == text)
    }

    @Test func handlerMergesMetadataLaterWinningAndWritesOneLinePerEvent() throws {
        let lines = Mutex<[String]>([])
        let provider = Logger.MetadataProvider { ["request": "provided", "shared": "provider"] }
        var handler = JSONLogHandler(label: "steward.test", logLevel: .info, metadataProvider: provider) { line in
            lines.withLock { $0.append(line) }
        }
        handler[metadataKey: "shared"] = "handler"
        handler[metadataKey: "own"] = "handler"
        let logger = Logger(label: "steward.test") { _ in handler }
        logger.info("two\nlines", metadata: ["shared": "call"])
        logger.debug("below the level")
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let object = try parse(try #require(written.first))
        #expect(object["message"] as? String == "two\nlines")
        #expect(object["metadata"] as? [String: String] == ["own": "handler", "request": "provided", "shared": "call"])
    }

    @Test(arguments: [(0, 0, "1970-01-01T00:00:00.000Z"), (951_782_400, 7, "2000-02-29T00:00:00.007Z"), (1_798_761_599, 999, "2026-12-31T23:59:59.999Z")])
    func timestampsAreRFC3339UTCWithMilliseconds(seconds: Int, milliseconds: Int, expected: String) {
        #expect(LogTimestamp.string(seconds: time_t(seconds), milliseconds: milliseconds) == expected)
    }

    @Test func timestampNowAgreesWithFoundation() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let before = Date().addingTimeInterval(-0.001)
        let parsed = try #require(formatter.date(from: LogTimestamp.now()))
        #expect(parsed >= before && parsed <= Date().addingTimeInterval(0.001))
    }

    @Test func formatIsJSONUnlessStderrIsATerminal() {
        #expect(LogFormat.standard == (isatty(2) == 1 ? .text : .json))
        #expect(LogFormat(argument: "json") == .json && LogFormat(argument: "text") == .text && LogFormat(argument: "yaml") == nil)
    }
}
