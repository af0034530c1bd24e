/// The parameters of a Query-protocol call, in the order they were added. The list helpers
/// encode the two dialects: EC2 (`Filter.1.Value.1`) and RDS/STS (`Tags.member.1.Key`).
public struct AWSQueryParameters: Sendable {
    public private(set) var items: [(String, String)] = []

    public init() {}

    public mutating func set(_ key: String, _ value: String?) {
        guard let value else { return }
        items.append((key, value))
    }

    public mutating func set(_ key: String, _ value: Int?) {
        guard let value else { return }
        items.append((key, String(value)))
    }

    public mutating func set(_ key: String, _ value: Bool?) {
        guard let value else { return }
        items.append((key, value ? "true" : "false"))
    }

    /// EC2 style: `GroupId.1=a&GroupId.2=b`.
    public mutating func setList(_ key: String, _ values: [String]) {
        for (index, value) in values.enumerated() {
            items.append(("\(key).\(index + 1)", value))
        }
    }

    /// RDS/STS style: `Key.member.1=a`.
    public mutating func setMemberList(_ key: String, _ values: [String]) {
        for (index, value) in values.enumerated() {
            items.append(("\(key).member.\(index + 1)", value))
        }
    }
}
