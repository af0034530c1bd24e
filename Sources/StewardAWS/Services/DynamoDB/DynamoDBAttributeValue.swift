import Foundation

/// A DynamoDB attribute value in its typed wire form (`{"S": "…"}`, `{"N": "42"}`, …).
/// Numbers stay strings, as DynamoDB sends them, so no precision is lost.
public indirect enum DynamoDBAttributeValue: Sendable, Equatable, Hashable {
    case s(String)
    case n(String)
    case b(Data)
    case bool(Bool)
    case null
    case m([String: DynamoDBAttributeValue])
    case l([DynamoDBAttributeValue])
    case ss([String])
    case ns([String])

    public static func number(_ value: Int) -> DynamoDBAttributeValue { .n(String(value)) }

    public var stringValue: String? {
        if case .s(let value) = self { return value }
        return nil
    }

    public var intValue: Int? {
        if case .n(let value) = self { return Int(value) }
        return nil
    }
}

/// An item: attribute name → value.
public typealias DynamoDBItem = [String: DynamoDBAttributeValue]
