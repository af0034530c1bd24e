/// `TransactWriteItems`: all the actions or none. A failed condition anywhere cancels the lot
/// and throws `AWSError` with code `TransactionCanceledException`, its message naming each
/// action's reason (`ConditionalCheckFailed`, `None`, `TransactionConflict`).
extension DynamoDBClient {
    public func transactWriteItems(_ items: [DynamoDBTransactItem]) async throws {
        // AWS's limit; more would be refused after the request was signed and sent.
        guard (1...100).contains(items.count) else {
            throw AWSClientError(.invalidRequest, operation: "dynamodb:TransactWriteItems", message: "a transaction holds 1 to 100 actions, not \(items.count)")
        }
        let _: AWSEmptyShape = try await client.json(service: .dynamoDB, operation: "TransactWriteItems",
                                                     input: TransactInput(TransactItems: try items.map(TransactAction.init)))
    }
}

private struct TransactInput: Encodable {
    let TransactItems: [TransactAction]
}

/// One element of `TransactItems`: an object with exactly one of the four members.
private struct TransactAction: Encodable {
    struct Body: Encodable {
        let TableName: String
        var Key: DynamoDBItem?
        var Item: DynamoDBItem?
        var UpdateExpression: String?
        var ConditionExpression: String?
        var ExpressionAttributeNames: [String: String]?
        var ExpressionAttributeValues: DynamoDBItem?
    }

    var ConditionCheck: Body?
    var Put: Body?
    var Update: Body?
    var Delete: Body?

    init(_ item: DynamoDBTransactItem) throws {
        let operation = "dynamodb:TransactWriteItems"
        switch item {
        case .conditionCheck(let table, let key, let condition):
            let placeholders = try DynamoDBExpression.mergedPlaceholders([condition], operation: operation)
            ConditionCheck = Body(TableName: table, Key: key, ConditionExpression: condition.expression,
                                  ExpressionAttributeNames: placeholders.names, ExpressionAttributeValues: placeholders.values)
        case .put(let table, let item, let condition):
            let placeholders = try DynamoDBExpression.mergedPlaceholders([condition], operation: operation)
            Put = Body(TableName: table, Item: item, ConditionExpression: condition?.expression,
                       ExpressionAttributeNames: placeholders.names, ExpressionAttributeValues: placeholders.values)
        case .update(let table, let key, let update, let condition):
            let placeholders = try DynamoDBExpression.mergedPlaceholders([update, condition], operation: operation)
            Update = Body(TableName: table, Key: key, UpdateExpression: update.expression, ConditionExpression: condition?.expression,
                          ExpressionAttributeNames: placeholders.names, ExpressionAttributeValues: placeholders.values)
        case .delete(let table, let key, let condition):
            let placeholders = try DynamoDBExpression.mergedPlaceholders([condition], operation: operation)
            Delete = Body(TableName: table, Key: key, ConditionExpression: condition?.expression,
                          ExpressionAttributeNames: placeholders.names, ExpressionAttributeValues: placeholders.values)
        }
    }
}
