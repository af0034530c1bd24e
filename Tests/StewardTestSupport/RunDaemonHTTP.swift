import AsyncHTTPClient
import Foundation
import NIOCore

/// Plain GETs against the daemon's endpoints.
public enum RunDaemonHTTP {
    public static func get(_ url: String) async throws -> (status: Int, body: String) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 4 * 1024 * 1024)
        return (Int(response.status.code), String(buffer: body))
    }
}
