import Foundation
import StewardCore

/// Where desired state lives for this process, as configuration says: the store every reader
/// and editor goes through, the feed that says when it changed, and words for the log.
public struct DesiredStateSource: Sendable {
    public let store: any DesiredStateStore
    public let changeFeed: any DesiredStateChangeFeed
    /// `desired-state (YAML directory)`: for logs, `validate` and reports.
    public let description: String

    public init(store: any DesiredStateStore, changeFeed: any DesiredStateChangeFeed, description: String) {
        self.store = store
        self.changeFeed = changeFeed
        self.description = description
    }

    /// The source configuration names. Today that is the YAML directory; the DynamoDB store
    /// plugs in here.
    /// - Parameters:
    ///   - yamlDirectory: the desired-state directory, already resolved against the working
    ///     directory and the command line.
    ///   - shownAs: the directory as the user gave it, for messages.
    public static func make(configuration: StewardConfiguration, yamlDirectory: URL, shownAs: String? = nil) throws(StoreError) -> DesiredStateSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: yamlDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .directoryMissing(path: shownAs ?? yamlDirectory.relativePath)
        }
        return DesiredStateSource(
            store: YAMLDirectoryStore(directory: yamlDirectory, policy: configuration.policy),
            changeFeed: YAMLDirectoryChangeFeed(directory: yamlDirectory.path),
            description: "\(shownAs ?? yamlDirectory.relativePath) (YAML directory)"
        )
    }
}
