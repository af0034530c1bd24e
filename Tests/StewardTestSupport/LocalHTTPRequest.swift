import Foundation

/// A request as a `LocalHTTPServer` received it.
public struct LocalHTTPRequest: Sendable {
    public let method: String
    public let uri: String
    public let headers: [(String, String)]
    public let body: [UInt8]
    /// Which accepted connection (0-based) carried it.
    public let connection: Int

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The form-encoded body (Query protocol) as decoded pairs.
    public var formItems: [(String, String)] {
        bodyText.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }

    public func formValue(_ key: String) -> String? {
        formItems.first { $0.0 == key }?.1
    }
}
