import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// One replica's way to moto: every request passes through unchanged and is written down by
/// its action (the Query form's `Action`, or the JSON protocol's `X-Amz-Target` operation), so a
/// test can say which replica sent what — above all, which one wrote to the estate.
public final class CountingMotoProxy: Sendable {
    public struct Call: Sendable, Hashable {
        public var action: String
        /// For authorize/revoke: the group the call was for.
        public var groupID: String?
        public var at: ContinuousClock.Instant
        /// moto's answer (502 when it could not be reached); nil while the call is in flight.
        public var status: Int?
    }

    private let calls = Mutex<[Call]>([])
    private let motoEndpoint: String

    public init(motoEndpoint: String) {
        self.motoEndpoint = motoEndpoint
    }

    /// Calls that change the estate (EC2, RDS, ECS, Auto Scaling); DynamoDB (the lease, the
    /// desired state) and reads are not among them.
    public var estateWrites: [Call] {
        calls.withLock { $0 }.filter { call in
            !call.action.hasPrefix("DynamoDB") && !call.action.hasPrefix("Describe") && !call.action.hasPrefix("List")
                && !call.action.hasPrefix("Get") && !call.action.hasPrefix("DynamoDBStreams")
        }
    }

    public func count(_ action: String) -> Int { calls.withLock { $0 }.filter { $0.action == action }.count }

    /// Calls of `action` that moto answered with 200, sent at or after `since`.
    public func succeeded(_ action: String, since: ContinuousClock.Instant) -> Int {
        calls.withLock { $0 }.filter { $0.action == action && $0.at >= since && $0.status == 200 }.count
    }

    public func handle(_ request: LocalHTTPRequest) async -> LocalHTTPResponse {
        let action = request.formValue("Action")
            ?? request.header("X-Amz-Target").map { target in
                // `DynamoDB_20120810.PutItem` → `DynamoDB.PutItem`; ECS's and others' keep their operation name.
                let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { return target }
                return parts[0].hasPrefix("DynamoDBStreams") ? "DynamoDBStreams.\(parts[1])"
                    : parts[0].hasPrefix("DynamoDB") ? "DynamoDB.\(parts[1])" : parts[1]
            } ?? "unknown"
        let index = calls.withLock { calls in
            calls.append(Call(action: action, groupID: request.formValue("GroupId"), at: .now))
            return calls.count - 1
        }
        let response = await forward(request)
        calls.withLock { $0[index].status = response.status }
        return response
    }

    private func forward(_ request: LocalHTTPRequest) async -> LocalHTTPResponse {
        do {
            var outgoing = HTTPClientRequest(url: motoEndpoint + request.uri)
            outgoing.method = .init(rawValue: request.method)
            for (name, value) in request.headers where !["host", "content-length"].contains(name.lowercased()) {
                outgoing.headers.add(name: name, value: value)
            }
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
            let response = try await HTTPClient.shared.execute(outgoing, timeout: .seconds(30))
            let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
            var headers: [(String, String)] = []
            for name in ["Content-Type", "x-amzn-RequestId", "x-amz-crc32"] {
                if let value = response.headers.first(name: name) { headers.append((name, value)) }
            }
            return LocalHTTPResponse(status: Int(response.status.code), headers: headers, body: Array(buffer.readableBytesView))
        } catch {
            return LocalHTTPResponse(status: 502, contentType: "text/plain", text: "proxy: \(error)")
        }
    }
}
