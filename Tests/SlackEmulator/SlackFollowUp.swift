/// A message POSTed to a slash command's `response_url` and accepted.
public struct SlackFollowUp: Sendable, Hashable {
    /// The full `http://127.0.0.1:PORT/response/<id>` URL.
    public let responseURL: String
    /// The slash-command envelope the URL was issued with.
    public let envelopeID: String
    /// 1 for the first accepted post on this URL, up to the use limit (5).
    public let use: Int
    public let body: SlackJSON
    public let receivedAt: ContinuousClock.Instant

    public var text: String? { body["text"]?.stringValue }
    public var responseType: String? { body["response_type"]?.stringValue }
    public var replaceOriginal: Bool { body["replace_original"]?.boolValue ?? false }
    public var deleteOriginal: Bool { body["delete_original"]?.boolValue ?? false }
}
