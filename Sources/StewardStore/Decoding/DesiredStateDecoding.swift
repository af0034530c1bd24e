import StewardCore

/// The outcome of decoding one desired-state file: the state when it is valid, and every
/// diagnostic (errors and warnings) in document order.
public struct DesiredStateDecoding: Sendable, Hashable {
    /// Present only when there are no errors (warnings, such as expired entries, are fine).
    public var state: DesiredState?
    public var diagnostics: [Diagnostic]

    public init(state: DesiredState?, diagnostics: [Diagnostic]) {
        self.state = state
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var isValid: Bool { state != nil }
}
