/// The audit log exists but could not be read.
public struct AuditLogReadError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String {
        "cannot read audit log \(path): \(reason); fix its permissions (audit_log in steward.yaml) — until then drift can't tell who fixed a finding"
    }
}
