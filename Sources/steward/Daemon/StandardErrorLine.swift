#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Whole lines to stderr, one `write(2)` per line under a process-wide lock: log lines from
/// concurrent tasks never interleave, and a reader splitting on newlines sees whole objects.
enum StandardErrorLine {
    private static let lock = Mutex(())

    static func write(_ line: String) {
        var bytes = Array(line.utf8)
        lock.withLock { _ in
            bytes.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                // A pipe may take less than asked (a full buffer): the rest follows under the
                // same lock, so no other line lands in between.
                while offset < buffer.count {
                    let written = writeToStandardError(base + offset, buffer.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        return  // stderr closed: nowhere left to say so
                    }
                }
            }
        }
    }

    private static func writeToStandardError(_ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(2, bytes, count)
        #else
        return Darwin.write(2, bytes, count)
        #endif
    }
}
