/// The answer of Start/Stop/TerminateInstances for one instance.
public struct EC2InstanceStateChange: Sendable, Equatable {
    public var instanceID: String
    public var previousState: String
    public var currentState: String

    init(xml item: AWSXMLElement) {
        instanceID = item.string("instanceId") ?? ""
        previousState = item.path("previousState", "name")?.text ?? ""
        currentState = item.path("currentState", "name")?.text ?? ""
    }
}
