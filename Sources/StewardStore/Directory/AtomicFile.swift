import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file so that readers see the old bytes or the new ones, never a mix, and a
/// crash at any point leaves one of the two on disk: temp file in the same directory (rename
/// is only atomic within a file system), write, fsync, rename over, fsync the directory (so
/// the rename itself is durable).
enum AtomicFile {
    static func write(_ text: String, to url: URL, newFileMode: mode_t, exclusive: Bool = false) throws(StoreError) {
        let path = url.path
        let directory = url.deletingLastPathComponent().path
        var mode = newFileMode
        var existing = stat()
        if stat(path, &existing) == 0 {
            if exclusive { throw .writeFailed(path: path, reason: "the file already exists") }
            mode = existing.st_mode & 0o7777
        }
        // A dotfile, so the store's directory listing skips it if a crash leaves it behind.
        let tempPath = directory + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: "cannot create a temporary file: " + lastError()) }
        var renamed = false
        defer { if !renamed { unlink(tempPath) } }
        do {
            defer { close(descriptor) }
            // The umask may have narrowed the mode given to open.
            guard fchmod(descriptor, mode) == 0 else { throw StoreError.writeFailed(path: path, reason: lastError()) }
            var bytes = Array(text.utf8)
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeMutableBytes { buffer in
                    systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.writeFailed(path: path, reason: lastError())
                }
                written += count
            }
            bytes.removeAll()
            guard fsync(descriptor) == 0 else { throw StoreError.writeFailed(path: path, reason: "fsync: " + lastError()) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
        if exclusive {
            // link fails if the target exists, so two creators can't both win.
            guard link(tempPath, path) == 0 else { throw .writeFailed(path: path, reason: lastError()) }
        } else {
            guard rename(tempPath, path) == 0 else { throw .writeFailed(path: path, reason: "rename: " + lastError()) }
            renamed = true
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// `write(2)`, named apart from the `write` methods around it.
func systemWrite(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
