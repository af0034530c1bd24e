/// A problem found in an input, located as `path:line:column: message` so editors and CI
/// annotate the right place.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }

    public var severity: Severity
    public var path: String
    /// 1-based; nil when the problem is the whole file (unreadable, too large).
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let prefix = severity == .warning ? "warning: " : ""
        return "\(location): \(prefix)\(message)"
    }
}
