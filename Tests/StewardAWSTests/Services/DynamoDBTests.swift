import Foundation
import StewardAWS
import StewardTestSupport
import Testing

@Suite("DynamoDB and Streams against moto", .moto, .serialized)
struct DynamoDBTests {
    @Test func conditionalWritesGSIQueryPagedScanAndStream() async throws {
        let fixture = try MotoFixture.get()
        let client = try fixture.client()
        let dynamo = DynamoDBClient(client: client)
        let table = uniqueName("whitelist")
        // The seed's layout: ip_address hash, environment range, GSI environment-index.
        _ = try await fixture.server.boto3("""
        d = boto3.client('dynamodb', endpoint_url=ENDPOINT)
        d.create_table(TableName='\(table)', BillingMode='PAY_PER_REQUEST',
            AttributeDefinitions=[{'AttributeName': 'ip_address', 'AttributeType': 'S'}, {'AttributeName': 'environment', 'AttributeType': 'S'}],
            KeySchema=[{'AttributeName': 'ip_address', 'KeyType': 'HASH'}, {'AttributeName': 'environment', 'KeyType': 'RANGE'}],
            GlobalSecondaryIndexes=[{'IndexName': 'environment-index', 'KeySchema': [{'AttributeName': 'environment', 'KeyType': 'HASH'}], 'Projection': {'ProjectionType': 'ALL'}}],
            StreamSpecification={'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'})
        """)
        let description = try await dynamo.describeTable(table)
        #expect(description.TableName == table)
        #expect(description.GlobalSecondaryIndexes?.map(\.IndexName) == ["environment-index"])
        let streamARN = try #require(description.LatestStreamArn)

        let notExists = DynamoDBExpression("attribute_not_exists(ip_address)")
        for index in 0..<5 {
            try await dynamo.putItem(table: table, item: [
                "ip_address": .s("203.0.113.\(index)/32"), "environment": .s("dev"), "description": .s("entry \(index)"),
                "expires_at": .number(2_000_000_000 + index), "added_by": .s("john"), "flags": .ss(["a", "b"]), "meta": .m(["ok": .bool(true), "none": .null, "list": .l([.n("1")])]),
            ], condition: notExists)
        }
        try await dynamo.putItem(table: table, item: ["ip_address": .s("198.51.100.1/32"), "environment": .s("prod")], condition: notExists)
        let duplicate = try await #require(throws: AWSError.self) {
            try await dynamo.putItem(table: table, item: ["ip_address": .s("203.0.113.0/32"), "environment": .s("dev")], condition: notExists)
        }
        #expect(duplicate.code == "ConditionalCheckFailedException")

        let key: DynamoDBItem = ["ip_address": .s("203.0.113.0/32"), "environment": .s("dev")]
        let item = try #require(try await dynamo.getItem(table: table, key: key))
        #expect(item["expires_at"] == .n("2000000000"))
        #expect(item["meta"] == .m(["ok": .bool(true), "none": .null, "list": .l([.n("1")])]))

        let updated = try await dynamo.updateItem(table: table, key: key,
                                                  update: DynamoDBExpression("SET #d = :d", names: ["#d": "description"], values: [":d": .s("updated")]),
                                                  condition: DynamoDBExpression("attribute_exists(ip_address)"))
        #expect(updated?["description"] == .s("updated"))

        let devItems = try await dynamo.query(table: table, index: "environment-index",
                                              keyCondition: DynamoDBExpression("#e = :e", names: ["#e": "environment"], values: [":e": .s("dev")]))
        #expect(devItems.count == 5)
        let scanned = try await dynamo.scan(table: table, pageSize: 2)
        #expect(scanned.count == 6)
        let filtered = try await dynamo.scan(table: table, filter: DynamoDBExpression("expires_at < :t", values: [":t": .number(2_000_000_002)]), pageSize: 2)
        #expect(filtered.count == 2)

        let failedDelete = try await #require(throws: AWSError.self) {
            try await dynamo.deleteItem(table: table, key: key, condition: DynamoDBExpression("expires_at < :t", values: [":t": .number(0)]))
        }
        #expect(failedDelete.code == "ConditionalCheckFailedException")
        let deleted = try await dynamo.deleteItem(table: table, key: key, condition: DynamoDBExpression("attribute_exists(ip_address)"))
        #expect(deleted?["description"] == .s("updated"))

        let cli = try parseJSON(try await fixture.server.aws(["dynamodb", "scan", "--table-name", table, "--select", "COUNT"])) as? [String: Any]
        #expect(cli?["Count"] as? Int == 5)

        let streams = DynamoDBStreamsClient(client: client)
        let stream = try await streams.describeStream(arn: streamARN)
        let shard = try #require(stream.Shards?.first)
        let iterator = try await streams.getShardIterator(streamARN: streamARN, shardID: shard.ShardId, type: "TRIM_HORIZON")
        let records = try await streams.getRecords(iterator: iterator)
        let names = records.Records?.compactMap(\.eventName) ?? []
        #expect(names.filter { $0 == "INSERT" }.count == 6)
        #expect(names.contains("MODIFY") && names.contains("REMOVE"))
        let removal = try #require(records.Records?.first { $0.eventName == "REMOVE" })
        #expect(removal.dynamodb?.OldImage?["description"] == .s("updated"))
    }
}
