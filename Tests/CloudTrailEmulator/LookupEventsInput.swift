/// The LookupEvents request body. Timestamps are epoch seconds (JSON numbers), as the JSON 1.1
/// protocol sends them; a string there is a serialization error.
struct LookupEventsInput: Decodable, Sendable {
    let LookupAttributes: [LookupAttributeInput]?
    let StartTime: Double?
    let EndTime: Double?
    let EventCategory: String?
    let MaxResults: Int?
    let NextToken: String?

    /// What a NextToken is bound to: the API requires the same parameters on every page.
    var pagingFingerprint: String {
        let attributes = (LookupAttributes ?? []).map { "\($0.AttributeKey ?? "")=\($0.AttributeValue ?? "")" }.joined(separator: "&")
        return "\(attributes)|\(StartTime.map { "\($0)" } ?? "")|\(EndTime.map { "\($0)" } ?? "")|\(EventCategory ?? "")"
    }
}
