/// Whether a command may run, and if not, the reason the person is shown (and the audit log keeps).
public enum CommandAccessDecision: Sendable, Hashable {
    case allowed
    case denied(String)
}
