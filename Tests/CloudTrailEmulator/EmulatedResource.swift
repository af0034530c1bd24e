/// A resource an emulated event names (`Resources[]`).
public struct EmulatedResource: Sendable, Hashable {
    public let type: String
    public let name: String

    public init(type: String, name: String) {
        self.type = type
        self.name = name
    }
}
