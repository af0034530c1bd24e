/// The services found and the ones ECS could not describe.
public struct ECSServiceDescriptions: Sendable, Equatable {
    public var services: [ECSService]
    public var failures: [ECSFailure]
}
