/// What a command came to: the reply, what it was understood as, and which environment's
/// desired state it changed (nil when it changed none).
public struct CommandOutcome: Sendable, Hashable {
    public var reply: ChatReply
    public var intent: ChatIntent?
    public var editedEnvironment: EnvironmentName?

    public init(reply: ChatReply, intent: ChatIntent? = nil, editedEnvironment: EnvironmentName? = nil) {
        self.reply = reply
        self.intent = intent
        self.editedEnvironment = editedEnvironment
    }
}
