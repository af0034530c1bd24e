#if canImport(Glibc)
import Dispatch
import Glibc

/// One inotify watch on a directory, read on a dispatch source (epoll underneath): no
/// polling, no thread parked in `read`. Calls `onEvent` with the names that changed; stop it
/// with `cancel()`, which also closes the descriptor.
final class InotifyWatch {
    /// Changes that can alter what the store reads: a file finished writing, arrived by
    /// rename (atomic writes, ConfigMap symlink swaps), appeared or went away.
    static let mask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM)
        | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    private let source: any DispatchSourceRead

    /// - Throws: `DirectoryWatchError` when inotify is unavailable (the caller falls back to polling).
    init(directory: String, queue: DispatchQueue, onEvent: @escaping @Sendable (_ names: [String], _ overflowOrGone: Bool) -> Void) throws(DirectoryWatchError) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw .inotifyUnavailable(reason: String(cString: strerror(errno))) }
        guard inotify_add_watch(descriptor, directory, Self.mask) >= 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .cannotWatch(path: directory, reason: reason)
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler {
            let (names, overflowOrGone) = Self.drain(descriptor)
            if !names.isEmpty || overflowOrGone { onEvent(names, overflowOrGone) }
        }
        source.setCancelHandler { close(descriptor) }
        self.source = source
        source.resume()
    }

    func cancel() {
        source.cancel()
    }

    /// Reads every queued event (the descriptor is non-blocking) and returns the file names.
    private static func drain(_ descriptor: Int32) -> (names: [String], overflowOrGone: Bool) {
        var names: [String] = []
        var overflowOrGone = false
        let capacity = 16 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, capacity)
            guard count > 0 else { break }
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                if event.mask & (UInt32(IN_Q_OVERFLOW) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_IGNORED)) != 0 {
                    overflowOrGone = true
                }
                if event.len > 0 {
                    let namePointer = (buffer + offset + headerSize).assumingMemoryBound(to: CChar.self)
                    names.append(String(cString: namePointer))
                }
                offset += headerSize + Int(event.len)
            }
        }
        return (names, overflowOrGone)
    }
}
#endif
