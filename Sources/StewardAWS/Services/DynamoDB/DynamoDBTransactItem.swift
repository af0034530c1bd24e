/// One action of a `TransactWriteItems` call. A `conditionCheck` writes nothing: it makes the
/// whole transaction depend on another item (the leader lease's epoch, say).
public enum DynamoDBTransactItem: Sendable, Equatable {
    case conditionCheck(table: String, key: DynamoDBItem, condition: DynamoDBExpression)
    case put(table: String, item: DynamoDBItem, condition: DynamoDBExpression? = nil)
    case update(table: String, key: DynamoDBItem, update: DynamoDBExpression, condition: DynamoDBExpression? = nil)
    case delete(table: String, key: DynamoDBItem, condition: DynamoDBExpression? = nil)
}
