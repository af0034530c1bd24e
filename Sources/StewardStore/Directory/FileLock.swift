import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Mutual exclusion for one desired-state file, across threads *and* processes: an in-process
/// lock (so threads queue without each holding a descriptor) around an exclusive `flock` on a
/// sibling lock file `.<name>.lock` (so the CLI, the daemon and a second daemon queue too).
///
/// The lock file is never deleted: deleting it would let two writers lock two different
/// inodes. `flock` is released by the kernel if the process dies, so a crash can't wedge it.
public enum FileLock {
    /// One lock per file path for the whole process, whichever store instance asks.
    private static let registry = Mutex<[String: NSLock]>([:])

    static func inProcessLock(for path: String) -> NSLock {
        registry.withLock { locks in
            if let lock = locks[path] { return lock }
            let lock = NSLock()
            locks[path] = lock
            return lock
        }
    }

    static func lockFileURL(for file: URL) -> URL {
        file.deletingLastPathComponent().appendingPathComponent("." + file.lastPathComponent + ".lock")
    }

    /// Runs `body` holding both locks for `file`. Blocking: call it off Swift's cooperative pool.
    public static func withLock<T>(on file: URL, _ body: () throws -> T) throws -> T {
        let lock = inProcessLock(for: file.standardizedFileURL.path)
        lock.lock()
        defer { lock.unlock() }
        let lockURL = lockFileURL(for: file)
        let descriptor = open(lockURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError.lockFailed(path: lockURL.path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw StoreError.lockFailed(path: lockURL.path, reason: String(cString: strerror(errno)))
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
