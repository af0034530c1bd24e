/// One `LookupAttributes` element as sent; both members are checked by hand so that a missing
/// one gets CloudTrail's error, not a decoding failure.
struct LookupAttributeInput: Decodable, Sendable, Hashable {
    let AttributeKey: String?
    let AttributeValue: String?
}
