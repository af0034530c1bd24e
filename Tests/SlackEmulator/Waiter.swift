/// A pending `waitFor…`. `evaluate` resumes the waiter's continuation and returns `true` once its
/// condition holds; `fail` resumes it with an error.
struct Waiter: Sendable {
    let evaluate: @Sendable (SlackEmulatorRecords) -> Bool
    let fail: @Sendable (SlackEmulatorError) -> Void
}
