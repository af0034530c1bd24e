import Foundation
import StewardTestSupport
import Synchronization

/// The emulator's state and its request handler. Separate from `CloudTrailEmulator` so that
/// the HTTP server's handler holds this, not the object that holds the server.
final class CloudTrailEmulatorStore: Sendable {
    let account: String
    let region: String
    let now: @Sendable () -> ContinuousClock.Instant
    let state = Mutex(CloudTrailEmulatorState())

    init(account: String, region: String, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.account = account
        self.region = region
        self.now = now
    }

    func respond(to request: LocalHTTPRequest) -> LocalHTTPResponse {
        let arrival = now()
        return state.withLock { state in
            let response: LocalHTTPResponse
            let errorType: String?
            var eventCount = 0
            do throws(CloudTrailAPIError) {
                let page = try lookupEvents(request, arrival: arrival, state: &state)
                eventCount = page.events.count
                response = Self.reply(200, page.body)
                errorType = nil
            } catch {
                response = Self.reply(error.status, Self.encode(["__type": .string(error.type), "message": .string(error.message)]))
                errorType = error.type
            }
            state.records.append(CloudTrailRequestRecord(
                arrival: arrival, method: request.method, target: request.header("x-amz-target"), body: request.bodyText,
                status: response.status, errorType: errorType, eventCount: eventCount))
            return response
        }
    }

    static func reply(_ status: Int, _ body: [UInt8]) -> LocalHTTPResponse {
        LocalHTTPResponse(status: status, headers: [
            ("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-RequestId", UUID().uuidString.lowercased()),
        ], body: body)
    }

    static func encode(_ value: EmulatorJSON) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // EmulatorJSON holds only strings, finite numbers, booleans, nulls and containers of
        // them, which JSONEncoder always encodes.
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }
}
