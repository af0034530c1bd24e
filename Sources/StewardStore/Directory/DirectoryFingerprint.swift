import Foundation

/// The names, sizes and modification times of a directory's files: compared between polls
/// where inotify is not available. Cheap for a directory of a few dozen YAML files.
struct DirectoryFingerprint: Equatable, Sendable {
    private var files: [String: [Double]] = [:]

    init(directory: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
        for name in names where YAMLDirectoryChangeFeed.isRelevant(name) {
            guard let attributes = try? manager.attributesOfItem(atPath: directory + "/" + name) else { continue }
            let size = (attributes[.size] as? NSNumber)?.doubleValue ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.doubleValue ?? -1
            files[name] = [size, modified, inode]
        }
    }
}
