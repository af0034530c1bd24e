import StewardCore

/// What executing one bastion plan did: one result per action sent, and the instances AWS
/// said were mid-transition (`IncorrectInstanceState`; their results are `deferred`), which
/// are neither done nor failed — the loop looks again soon.
public struct BastionExecution: Sendable {
    public var results: [ActionResult] = []
    public var waits: [BastionWait] = []

    public init(results: [ActionResult] = [], waits: [BastionWait] = []) {
        self.results = results
        self.waits = waits
    }
}
