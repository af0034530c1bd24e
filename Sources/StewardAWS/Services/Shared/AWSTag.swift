/// A resource tag. Shared by every service; each service's wire format is handled where
/// that service is encoded.
public struct AWSTag: Sendable, Equatable, Hashable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    init(ec2Item element: AWSXMLElement) {
        self = element.withCursor(AWSTag.init(ec2Cursor:))
    }

    init(ec2Cursor item: AWSXMLCursor) {
        var key = "", value = ""
        item.forEachChild { field in
            if field.isNamed("key") {
                key = field.text
            } else if field.isNamed("value") {
                value = field.text
            }
        }
        self.init(key: key, value: value)
    }
}

extension Array where Element == AWSTag {
    /// The value of a tag by key, for the common "what does tag X say" question.
    public func value(for key: String) -> String? {
        first { $0.key == key }?.value
    }
}
