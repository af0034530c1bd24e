/// A new description for one rule, addressed by its id.
public struct EC2RuleDescriptionUpdate: Sendable, Equatable {
    public var ruleID: String
    public var description: String

    public init(ruleID: String, description: String) {
        self.ruleID = ruleID
        self.description = description
    }
}
