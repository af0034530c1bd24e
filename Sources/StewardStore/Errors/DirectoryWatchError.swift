/// Why the desired-state directory can't be watched by inotify. Not fatal: the watcher then
/// polls file modification times instead, and says so in the log.
public enum DirectoryWatchError: Error, Sendable, CustomStringConvertible {
    case inotifyUnavailable(reason: String)
    case cannotWatch(path: String, reason: String)

    public var description: String {
        switch self {
        case .inotifyUnavailable(let reason):
            return "inotify is unavailable (\(reason)); raise fs.inotify.max_user_instances, or rely on polling"
        case .cannotWatch(let path, let reason):
            return "cannot watch \(path) with inotify (\(reason)); check it exists and is readable, or raise fs.inotify.max_user_watches"
        }
    }
}
