import StewardCore

/// Why `steward.yaml` could not be used, naming the file and what to do.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path given explicitly (`--config` or `STEWARD_CONFIG`) does not exist: falling back to
    /// defaults would silently run with a policy nobody chose.
    case notFound(path: String, source: ConfigurationSource)
    case invalid([Diagnostic])

    public var description: String {
        switch self {
        case .notFound(let path, let source):
            let origin: String
            switch source {
            case .explicit: origin = "--config"
            case .environmentVariable: origin = "STEWARD_CONFIG"
            case .inline(let variable): origin = variable
            case .workingDirectory, .defaults: origin = "the working directory"
            }
            return "configuration file \(path) (from \(origin)) does not exist; fix the path, or leave it unset to use ./steward.yaml or the defaults"
        case .invalid(let diagnostics):
            return "the configuration is invalid; fix it and retry:\n" + diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
