import Foundation

/// Where the configuration came from, so `steward validate` can say which file it read.
public enum ConfigurationSource: Sendable, Hashable {
    case explicit(URL)
    case environmentVariable(URL)
    case workingDirectory(URL)
    /// No file: the conventions of DESIGN.md apply.
    case defaults

    public var url: URL? {
        switch self {
        case .explicit(let url), .environmentVariable(let url), .workingDirectory(let url): return url
        case .defaults: return nil
        }
    }
}
