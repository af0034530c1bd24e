import Foundation

/// A length of time written the way people type it in chat: `30m`, `3h`, `7d`, `2w`, or a
/// sum such as `1d12h`. Whole seconds; never negative.
public struct TimeSpan: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let seconds: Int

    public init(seconds: Int) {
        precondition(seconds >= 0, "a time span is never negative")
        self.seconds = seconds
    }

    public static func minutes(_ n: Int) -> TimeSpan { TimeSpan(seconds: n * 60) }
    public static func hours(_ n: Int) -> TimeSpan { TimeSpan(seconds: n * 3600) }
    public static func days(_ n: Int) -> TimeSpan { TimeSpan(seconds: n * 86_400) }

    public var timeInterval: TimeInterval { TimeInterval(seconds) }

    private static let units: [(suffix: Character, seconds: Int)] = [
        ("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60), ("s", 1),
    ]

    public init(parsing text: some StringProtocol) throws(TimeSpanError) {
        let input = String(text)
        guard !input.isEmpty else { throw .malformed(input) }
        var total = 0
        var digits = ""
        var sawUnit = false
        for character in input.lowercased() {
            if character.isASCII, character.isNumber {
                digits.append(character)
                guard digits.count <= 6 else { throw .malformed(input) }
            } else if let unit = TimeSpan.units.first(where: { $0.suffix == character }) {
                guard let value = Int(digits) else { throw .malformed(input) }
                total += value * unit.seconds
                digits = ""
                sawUnit = true
            } else {
                throw .malformed(input)
            }
        }
        guard digits.isEmpty, sawUnit else { throw .malformed(input) }
        guard total > 0 else { throw .zero(input) }
        self.init(seconds: total)
    }

    /// The largest units first, e.g. `1d12h`; `0s` for zero.
    public var description: String {
        if seconds == 0 { return "0s" }
        var rest = seconds
        var text = ""
        for unit in TimeSpan.units where unit.suffix != "w" {
            let count = rest / unit.seconds
            if count > 0 {
                text += "\(count)\(unit.suffix)"
                rest -= count * unit.seconds
            }
        }
        return text
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public enum TimeSpanError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case zero(String)

    public var description: String {
        switch self {
        case .malformed(let text): return "'\(text)' is not a duration; expected e.g. 30m, 3h, 7d, 2w or 1d12h"
        case .zero(let text): return "duration '\(text)' is zero; give a positive length such as 1h"
        }
    }
}
