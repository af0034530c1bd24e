/// Amazon DynamoDB (JSON 1.0): item reads and conditional writes, GSI queries and scans.
public struct DynamoDBClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public func getItem(table: String, key: DynamoDBItem, consistentRead: Bool = true) async throws -> DynamoDBItem? {
        struct Input: Encodable { let TableName: String; let Key: DynamoDBItem; let ConsistentRead: Bool }
        struct Output: Decodable { let Item: DynamoDBItem? }
        let output: Output = try await client.json(service: .dynamoDB, operation: "GetItem", input: Input(TableName: table, Key: key, ConsistentRead: consistentRead))
        return output.Item
    }

    /// Writes an item; with a condition (e.g. `attribute_not_exists(ip_address)`), a failed
    /// check throws `AWSError` with code `ConditionalCheckFailedException`.
    public func putItem(table: String, item: DynamoDBItem, condition: DynamoDBExpression? = nil) async throws {
        struct Input: Encodable {
            let TableName: String; let Item: DynamoDBItem; let ConditionExpression: String?
            let ExpressionAttributeNames: [String: String]?; let ExpressionAttributeValues: DynamoDBItem?
        }
        let placeholders = try DynamoDBExpression.mergedPlaceholders([condition], operation: "dynamodb:PutItem")
        let _: AWSEmptyShape = try await client.json(service: .dynamoDB, operation: "PutItem", input: Input(
            TableName: table, Item: item, ConditionExpression: condition?.expression,
            ExpressionAttributeNames: placeholders.names, ExpressionAttributeValues: placeholders.values))
    }

    /// Updates an item and returns it as it is afterwards.
    @discardableResult
    public func updateItem(table: String, key: DynamoDBItem, update: DynamoDBExpression, condition: DynamoDBExpression? = nil) async throws -> DynamoDBItem? {
        struct Input: Encodable {
            let TableName: String; let Key: DynamoDBItem; let UpdateExpression: String; let ConditionExpression: String?
            let ExpressionAttributeNames: [String: String]?; let ExpressionAttributeValues: DynamoDBItem?; let ReturnValues: String
        }
        struct Output: Decodable { let Attributes: DynamoDBItem? }
        let placeholders = try DynamoDBExpression.mergedPlaceholders([update, condition], operation: "dynamodb:UpdateItem")
        let output: Output = try await client.json(service: .dynamoDB, operation: "UpdateItem", input: Input(
            TableName: table, Key: key, UpdateExpression: update.expression, ConditionExpression: condition?.expression,
            ExpressionAttributeNames: placeholders.names, ExpressionAttributeValues: placeholders.values, ReturnValues: "ALL_NEW"))
        return output.Attributes
    }

    /// Deletes an item and returns what it held (nil if there was none).
    @discardableResult
    public func deleteItem(table: String, key: DynamoDBItem, condition: DynamoDBExpression? = nil) async throws -> DynamoDBItem? {
        struct Input: Encodable {
            let TableName: String; let Key: DynamoDBItem; let ConditionExpression: String?
            let ExpressionAttributeNames: [String: String]?; let ExpressionAttributeValues: DynamoDBItem?; let ReturnValues: String
        }
        struct Output: Decodable { let Attributes: DynamoDBItem? }
        let placeholders = try DynamoDBExpression.mergedPlaceholders([condition], operation: "dynamodb:DeleteItem")
        let output: Output = try await client.json(service: .dynamoDB, operation: "DeleteItem", input: Input(
            TableName: table, Key: key, ConditionExpression: condition?.expression,
            ExpressionAttributeNames: placeholders.names, ExpressionAttributeValues: placeholders.values, ReturnValues: "ALL_OLD"))
        return output.Attributes
    }

    /// Every item matching a key condition, on the table or a GSI, all pages.
    /// `consistentRead` is refused by AWS on a GSI; nil leaves it to the service (eventual).
    public func query(table: String, index: String? = nil, keyCondition: DynamoDBExpression, filter: DynamoDBExpression? = nil, pageSize: Int? = nil,
                      consistentRead: Bool? = nil) async throws -> [DynamoDBItem] {
        struct Input: Encodable {
            let TableName: String; let IndexName: String?; let KeyConditionExpression: String; let FilterExpression: String?
            let ExpressionAttributeNames: [String: String]?; let ExpressionAttributeValues: DynamoDBItem?
            let ExclusiveStartKey: DynamoDBItem?; let Limit: Int?; let ConsistentRead: Bool?
        }
        let placeholders = try DynamoDBExpression.mergedPlaceholders([keyCondition, filter], operation: "dynamodb:Query")
        return try await pagedItems(operation: "Query") { startKey in
            Input(TableName: table, IndexName: index, KeyConditionExpression: keyCondition.expression, FilterExpression: filter?.expression,
                  ExpressionAttributeNames: placeholders.names, ExpressionAttributeValues: placeholders.values, ExclusiveStartKey: startKey, Limit: pageSize,
                  ConsistentRead: consistentRead)
        }
    }

    /// Every item of the table (or index), optionally filtered, all pages.
    public func scan(table: String, index: String? = nil, filter: DynamoDBExpression? = nil, pageSize: Int? = nil,
                     consistentRead: Bool? = nil) async throws -> [DynamoDBItem] {
        struct Input: Encodable {
            let TableName: String; let IndexName: String?; let FilterExpression: String?
            let ExpressionAttributeNames: [String: String]?; let ExpressionAttributeValues: DynamoDBItem?
            let ExclusiveStartKey: DynamoDBItem?; let Limit: Int?; let ConsistentRead: Bool?
        }
        let placeholders = try DynamoDBExpression.mergedPlaceholders([filter], operation: "dynamodb:Scan")
        return try await pagedItems(operation: "Scan") { startKey in
            Input(TableName: table, IndexName: index, FilterExpression: filter?.expression,
                  ExpressionAttributeNames: placeholders.names, ExpressionAttributeValues: placeholders.values, ExclusiveStartKey: startKey, Limit: pageSize,
                  ConsistentRead: consistentRead)
        }
    }

    public func describeTable(_ table: String) async throws -> DynamoDBTableDescription {
        struct Input: Encodable { let TableName: String }
        struct Output: Decodable { let Table: DynamoDBTableDescription }
        let output: Output = try await client.json(service: .dynamoDB, operation: "DescribeTable", input: Input(TableName: table))
        return output.Table
    }

    /// Pages on `LastEvaluatedKey`; the key is serialised to detect a repeated one.
    private func pagedItems<Input: Encodable>(operation: String, input: (DynamoDBItem?) -> Input) async throws -> [DynamoDBItem] {
        var startKeys: [String: DynamoDBItem] = [:]
        return try await AWSPaging.collect(operation: "dynamodb:\(operation)") { token in
            let response = try await client.jsonResponse(service: .dynamoDB, operation: operation, input: input(token.flatMap { startKeys[$0] }))
            let page: DynamoDBItemPageParser.Page
            do {
                page = try DynamoDBItemPageParser.parse(response.body.isEmpty ? Array("{}".utf8) : response.body)
            } catch {
                throw AWSClientError(.malformedResponse, operation: "dynamodb:\(operation)", message: "the response is not a page of items: \(error)")
            }
            guard let last = page.lastEvaluatedKey, !last.isEmpty else { return (page.items, nil) }
            let token = String(decoding: try AWSJSON.encoder.encode(last), as: UTF8.self)
            startKeys[token] = last
            return (page.items, token)
        }
    }
}
