/// An error the emulator answers with: JSON 1.1's `{"__type": …, "message": …}`, HTTP 400
/// unless said otherwise, the codes the API reference lists for LookupEvents.
struct CloudTrailAPIError: Error, Sendable, Hashable {
    let type: String
    let message: String
    var status = 400

    static func invalidLookupAttributes(_ message: String) -> CloudTrailAPIError {
        CloudTrailAPIError(type: "InvalidLookupAttributesException", message: message)
    }

    static func serialization(_ message: String) -> CloudTrailAPIError {
        CloudTrailAPIError(type: "SerializationException", message: message)
    }
}
