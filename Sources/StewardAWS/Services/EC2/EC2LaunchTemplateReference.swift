/// Which launch template (and version) RunInstances uses.
public enum EC2LaunchTemplateReference: Sendable, Equatable {
    case name(String, version: String? = nil)
    case id(String, version: String? = nil)
}
