/// One instance of an Aurora cluster.
public struct DatabaseMember: Sendable, Hashable, Codable {
    public var identifier: String
    public var instanceClass: String

    public init(identifier: String, instanceClass: String) {
        self.identifier = identifier
        self.instanceClass = instanceClass
    }
}
