/// The name of an environment: the file `desired-state/<name>.yaml`, the `Environment` tag,
/// the ECS cluster. Lower-case letters, digits and hyphens, starting with a letter or digit,
/// at most 63 characters — safe as a file name, a tag value and a DynamoDB key alike.
public struct EnvironmentName: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) throws(EnvironmentNameError) {
        guard !rawValue.isEmpty else { throw .empty }
        guard rawValue.utf8.count <= 63 else { throw .tooLong(rawValue) }
        let bytes = Array(rawValue.utf8)
        func allowed(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        guard allowed(bytes[0]), bytes.allSatisfy({ allowed($0) || $0 == UInt8(ascii: "-") }) else {
            throw .invalidCharacters(rawValue)
        }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: EnvironmentName, rhs: EnvironmentName) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public enum EnvironmentNameError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLong(String)
    case invalidCharacters(String)

    public var description: String {
        switch self {
        case .empty: return "environment name is empty"
        case .tooLong(let name): return "environment name '\(name)' is longer than 63 characters"
        case .invalidCharacters(let name):
            return "environment name '\(name)' must be lower-case letters, digits and '-', starting with a letter or digit"
        }
    }
}
