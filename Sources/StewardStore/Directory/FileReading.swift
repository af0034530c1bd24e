import Foundation
import StewardCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls, refusing it by its size before reading a byte of it
/// (a 2 GB file must not be pulled into memory only to be rejected).
enum FileReading {
    enum Failure: Error { case notFound, other(Diagnostic) }

    static func read(_ url: URL, path: String, limit: Int) -> Result<[UInt8], DiagnosticList> {
        switch readBytes(url, path: path, limit: limit) {
        case .success(let bytes): return .success(bytes)
        case .failure(.notFound): return .failure(DiagnosticList([Diagnostic(.error, path: path, message: "file not found")]))
        case .failure(.other(let diagnostic)): return .failure(DiagnosticList([diagnostic]))
        }
    }

    static func readBytes(_ url: URL, path: String, limit: Int) -> Result<[UInt8], Failure> {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return .failure(.notFound) }
            return .failure(.other(Diagnostic(.error, path: path, message: "cannot open: \(String(cString: strerror(code))); check the file's permissions")))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(.other(Diagnostic(.error, path: path, message: "cannot stat: \(String(cString: strerror(errno)))")))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(.other(Diagnostic(.error, path: path, message: "not a regular file; desired state and configuration must be plain files")))
        }
        let size = Int(info.st_size)
        guard size <= limit else {
            return .failure(.other(Diagnostic(.error, path: path, message: SourceText.tooLargeMessage(size: size, limit: limit))))
        }
        // One byte more than the limit, in case the file grew since fstat.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.other(Diagnostic(.error, path: path, message: "cannot read: \(String(cString: strerror(errno)))")))
            }
            if count == 0 { break }
            total += count
            if total == bytes.count, total <= limit { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            if total > limit {
                return .failure(.other(Diagnostic(.error, path: path, message: SourceText.tooLargeMessage(size: total, limit: limit))))
            }
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }
}

/// `read(2)`, named apart so it isn't shadowed by `FileReading.read`.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
