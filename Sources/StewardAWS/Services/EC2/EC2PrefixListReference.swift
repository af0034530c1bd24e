/// A managed prefix list referenced by an IP permission.
public struct EC2PrefixListReference: Sendable, Equatable, Hashable {
    public var prefixListID: String
    public var description: String?

    public init(prefixListID: String, description: String? = nil) {
        self.prefixListID = prefixListID
        self.description = description
    }
}
