import Foundation
import StewardAWS
import Synchronization

/// A DynamoDB + Streams transport answering DescribeTable, DescribeStream, GetShardIterator
/// and GetRecords from a script, as moto can't: shards that close and split, iterators that
/// expire, records trimmed away, a stream that disappears and comes back.
final class ScriptedStreamsTransport: AWSHTTPTransport {
    /// Given the operation and the request body, the JSON answer (or an error with `__type`).
    typealias Script = @Sendable (_ operation: String, _ body: [String: Any], _ call: Int) -> (status: Int, json: String)
    private let script: Script
    private let calls = Mutex<[String]>([])

    init(_ script: @escaping Script) {
        self.script = script
    }

    var operations: [String] { calls.withLock { $0 } }

    func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        let operation = request.operation?.name ?? "?"
        let index = calls.withLock { calls -> Int in
            calls.append(operation)
            return calls.count
        }
        let body = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] ?? [:]
        let answer = script(operation, body, index)
        return AWSHTTPResponse(status: answer.status, headers: AWSHTTPHeaders([("Content-Type", "application/x-amz-json-1.0")]),
                               body: Array(answer.json.utf8))
    }

    static func error(_ type: String) -> (status: Int, json: String) {
        (400, #"{"__type":"com.amazonaws.dynamodb.v20120810#\#(type)","message":"scripted \#(type)"}"#)
    }

    static func records(_ environments: [(String, String)], next: String?) -> (status: Int, json: String) {
        let records = environments.map { environment, sequence in
            #"{"eventID":"\#(sequence)","eventName":"MODIFY","dynamodb":{"Keys":{"ip_address":{"S":"1.2.3.4/32"},"environment":{"S":"\#(environment)"}},"SequenceNumber":"\#(sequence)"}}"#
        }
        let nextText = next.map { #","NextShardIterator":"\#($0)""# } ?? ""
        return (200, #"{"Records":[\#(records.joined(separator: ","))]\#(nextText)}"#)
    }

    static func shards(_ shards: [(id: String, parent: String?, closed: Bool)]) -> (status: Int, json: String) {
        let list = shards.map { shard in
            let parent = shard.parent.map { #","ParentShardId":"\#($0)""# } ?? ""
            let ending = shard.closed ? #","EndingSequenceNumber":"999""# : ""
            return #"{"ShardId":"\#(shard.id)"\#(parent),"SequenceNumberRange":{"StartingSequenceNumber":"1"\#(ending)}}"#
        }
        return (200, #"{"StreamDescription":{"StreamArn":"arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/1","StreamStatus":"ENABLED","Shards":[\#(list.joined(separator: ","))]}}"#)
    }

    static let table = (200, #"{"Table":{"TableName":"t","LatestStreamArn":"arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/1"}}"#)
    static let tableWithoutStream = (200, #"{"Table":{"TableName":"t"}}"#)
}
