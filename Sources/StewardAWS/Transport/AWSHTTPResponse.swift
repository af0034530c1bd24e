/// One HTTP response, body fully read.
public struct AWSHTTPResponse: Sendable {
    public var status: Int
    public var headers: AWSHTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: AWSHTTPHeaders = AWSHTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    var isSuccess: Bool { (200..<300).contains(status) }
}
