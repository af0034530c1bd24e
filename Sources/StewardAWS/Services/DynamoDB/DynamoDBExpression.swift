/// An expression with its placeholders: `#name` → attribute name, `:value` → value.
public struct DynamoDBExpression: Sendable, Equatable {
    public var expression: String
    public var names: [String: String]
    public var values: DynamoDBItem

    public init(_ expression: String, names: [String: String] = [:], values: DynamoDBItem = [:]) {
        self.expression = expression
        self.names = names
        self.values = values
    }

    /// Merges the placeholders of several expressions of one call; a placeholder bound to two
    /// different things is a caller error.
    static func mergedPlaceholders(_ expressions: [DynamoDBExpression?], operation: String) throws -> (names: [String: String]?, values: DynamoDBItem?) {
        var names: [String: String] = [:]
        var values: DynamoDBItem = [:]
        for expression in expressions.compactMap({ $0 }) {
            for (key, value) in expression.names {
                if let existing = names[key], existing != value {
                    throw AWSClientError(.invalidRequest, operation: operation, message: "placeholder \(key) names both \(existing) and \(value)")
                }
                names[key] = value
            }
            for (key, value) in expression.values {
                if let existing = values[key], existing != value {
                    throw AWSClientError(.invalidRequest, operation: operation, message: "placeholder \(key) is bound to two different values")
                }
                values[key] = value
            }
        }
        return (names.isEmpty ? nil : names, values.isEmpty ? nil : values)
    }
}
