import Foundation

/// A secret's value. Its description shows only the name and version, never the value.
public struct SecretValue: Sendable, Equatable, Decodable, CustomStringConvertible, CustomDebugStringConvertible {
    public let arn: String?
    public let name: String?
    public let versionID: String?
    public let secretString: String?
    public let secretBinary: Data?

    enum CodingKeys: String, CodingKey {
        case arn = "ARN"
        case name = "Name"
        case versionID = "VersionId"
        case secretString = "SecretString"
        case secretBinary = "SecretBinary"
    }

    public var description: String {
        "SecretValue(name: \(name ?? "?"), version: \(versionID ?? "?"), value: <redacted>)"
    }

    public var debugDescription: String { description }
}
