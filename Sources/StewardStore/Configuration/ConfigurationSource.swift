import Foundation

/// Where the configuration came from, so `steward validate` can say which file it read.
public enum ConfigurationSource: Sendable, Hashable {
    case explicit(URL)
    case environmentVariable(URL)
    case workingDirectory(URL)
    /// The file's text in an environment variable (`STEWARD_CONFIG_YAML`): how a container
    /// platform that has no config files (ECS) hands one over.
    case inline(variable: String)
    /// No file: the conventions of DESIGN.md apply.
    case defaults

    public var url: URL? {
        switch self {
        case .explicit(let url), .environmentVariable(let url), .workingDirectory(let url): return url
        case .inline, .defaults: return nil
        }
    }
}
